import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ofType, onlyLog, replay, workDir } from "./cli.js";

/** Real runbooks from outside the project, read in place: only dry-run, never executed. */
const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus/runbooks");

const files = readdirSync(CORPUS, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && /\.md(\.erb)?$/.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();

describe("dry run over the external corpus", () => {
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
