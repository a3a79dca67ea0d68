// Runs once per `vitest run`, before any worker: a scratch folder where the bundles are built at
// most once, by the first test that needs them (see bundles.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    bundleDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "rbx-bundles-"));
  project.provide("bundleDir", dir);
  if ((process.env["RUNBOOK_EXEC_CORPUS"] ?? "") === "") {
    process.stderr.write(
      "note: RUNBOOK_EXEC_CORPUS is not set, so the tests over the outside corpus are skipped " +
        "(.ci/run sets it to ../shared/corpus)\n",
    );
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
