import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunbook, readRunbookFile } from "../../src/parse/index.js";

/** Real runbooks from outside the project, read in place (never copied, never run). */
const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus/runbooks");
const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.md(\.erb)?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const files = markdownFiles(CORPUS);

describe("external runbook corpus", () => {
  it("is present", () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
  });

  it.each(files.map((file) => [path.relative(CORPUS, file), file]))(
    "parses %s",
    async (_name, file) => {
      const runbook = parseRunbook(await readRunbookFile(file), OPTIONS);
      expect(runbook.title).not.toBe("");
      for (const step of runbook.steps) {
        expect(step.line).toBeGreaterThan(0);
        for (const command of step.commands) {
          expect(command.line).toBeGreaterThanOrEqual(step.line);
          expect(command.line).toBeLessThanOrEqual(step.endLine);
          expect(command.script.trim()).not.toBe("");
        }
      }
      expect(runbook.steps.map((step) => step.index)).toEqual(runbook.steps.map((_, i) => i + 1));
    },
  );

  it("finds the steps and commands of a known runbook", async () => {
    const file = path.join(
      CORPUS,
      "gitlab-com/docs/patroni/postgresql-role-credential-rotation.md",
    );
    const runbook = parseRunbook(await readRunbookFile(file), OPTIONS);
    const first = runbook.steps[0];
    expect(first?.section).toBe("Phase one");
    expect(first?.text).toBe("Specify the environment in which to conduct operations:");
    expect(first?.commands.map((command) => command.script)).toEqual([
      "export GITLAB_ENVIRONMENT='gstg'",
    ]);
  });
});
