import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRunbook, readRunbookFile } from "../../src/parse/index.js";

import { CORPUS_RUNBOOKS_DIR as CORPUS, corpusRunbooks, skipCorpus } from "../helpers/corpus.js";

const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };

const files = corpusRunbooks();

describe.skipIf(skipCorpus)("external runbook corpus", () => {
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
