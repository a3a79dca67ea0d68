// Runs once per `vitest run`, before any worker: a scratch folder for the bundles (built there at
// most once, by the first test that needs them, or copied there from `RUNBOOK_EXEC_DIST`; see
// bundles.ts), and a note when the corpus tests are skipped.
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    bundleDir: string;
    /** The copy of `RUNBOOK_EXEC_DIST` the tests run, or "" to build the bundles from src/. */
    prebuiltDist: string;
  }
}

/** What a dist/ must hold for the tests to run it: every bundle, launcher and WASM file. */
const DIST_FILES = [
  "action.js",
  "index.js",
  "post.js",
  "cli.js",
  "lib.js",
  "package.json",
  "tree-sitter.wasm",
  "tree-sitter-bash.wasm",
];

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "rbx-bundles-"));
  project.provide("bundleDir", dir);
  project.provide("prebuiltDist", copyPrebuiltDist(dir));
  if ((process.env["RUNBOOK_EXEC_CORPUS"] ?? "") === "") {
    process.stderr.write(
      "note: RUNBOOK_EXEC_CORPUS is not set, so the tests over the outside corpus are skipped " +
        "(.ci/run sets it to ../shared/corpus)\n",
    );
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * `RUNBOOK_EXEC_DIST`, a folder `scripts/bundle.js --out-dir` built, copied into the scratch
 * folder (so no node_modules is in reach, wherever it was built); "" when the variable is unset.
 */
function copyPrebuiltDist(scratch: string): string {
  const configured = process.env["RUNBOOK_EXEC_DIST"] ?? "";
  if (configured === "") return "";
  const source = path.resolve(configured);
  const missing = DIST_FILES.filter((file) => !existsSync(path.join(source, file)));
  if (missing.length > 0) {
    throw new Error(
      `RUNBOOK_EXEC_DIST=${configured} lacks ${missing.join(", ")}: build it with ` +
        "`node scripts/bundle.js --out-dir DIR`, or unset the variable to build the bundles from src/",
    );
  }
  const copy = path.join(scratch, "prebuilt", "dist");
  cpSync(source, copy, { recursive: true });
  return copy;
}
