// Runs once per `vitest run`, before any worker: a copy of the dist/ the bundle tests run (the
// committed one, or `RUNBOOK_EXEC_DIST`; see dist-under-test.ts) in a scratch folder, a warning
// when that dist/ was not built from src/ as it is (at the start and again at the end, where it
// is seen), and a note when the corpus tests are skipped.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { assertComplete, distUnderTest, stalenessWarning } from "./dist-under-test.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The copy of the dist/ under test, out of reach of the repository's node_modules. */
    distDir: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export default function setup(project: TestProject): () => void {
  const dist = distUnderTest(root, process.env["RUNBOOK_EXEC_DIST"]);
  assertComplete(dist);
  const scratch = mkdtempSync(path.join(tmpdir(), "rbx-bundles-"));
  const copy = path.join(scratch, "dist");
  cpSync(dist.dir, copy, { recursive: true });
  project.provide("distDir", copy);
  const warning = stalenessWarning(dist, root);
  if (warning !== undefined) process.stderr.write(`${warning}\n`);
  if ((process.env["RUNBOOK_EXEC_CORPUS"] ?? "") === "") {
    process.stderr.write(
      "note: RUNBOOK_EXEC_CORPUS is not set, so the tests over the outside corpus are skipped " +
        "(.ci/run sets it to ../shared/corpus)\n",
    );
  }
  return () => {
    rmSync(scratch, { recursive: true, force: true });
    if (warning !== undefined) process.stderr.write(`\n${warning}\n`);
  };
}
