import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ofType, onlyLog, replay, workDir } from "./run-harness.js";
import { CORPUS_RUNBOOKS_DIR as CORPUS, corpusRunbooks, skipCorpus } from "../../helpers/corpus.js";

/** Real runbooks from outside the project, read in place (never copied, never run). */
const files = corpusRunbooks();

describe.skipIf(skipCorpus)("dry run over the external corpus", () => {
  it("has the corpus", () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
  });

  it.each(files.map((file) => [path.relative(CORPUS, file), file]))(
    "plans %s without executing anything, and the dry-run log verifies",
    async (_name, file) => {
      const cwd = workDir();
      const { code, stdout, stderr } = await cli(
        ["run", file, "--dry-run", "--no-llm", "--force-lint", "--audit-log-dir", "logs"],
        { cwd },
      );
      expect(stderr).not.toContain("internal error");
      expect(code, stderr).toBe(0);
      expect(stdout).not.toContain("\u001b");
      const log = onlyLog(cwd);
      expect(ofType(log, "step_start")).toEqual([]);
      expect(ofType(log, "step_skipped").every((record) => record["reason"] !== undefined)).toBe(
        true,
      );
      expect((await replay(log)).code).toBe(0);
    },
  );
});
