import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { ALL_RULES, lintRunbook } from "../../src/lint/index.js";
import { parseRunbook, readRunbookFile } from "../../src/parse/index.js";
import { CORPUS_RUNBOOKS_DIR as CORPUS, corpusRunbooks, skipCorpus } from "../helpers/corpus.js";

const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };

/** Real runbooks from outside the project, read in place (never copied, never run). */
const files = corpusRunbooks();

const counts = new Map<string, number>(ALL_RULES.map((rule) => [rule.id, 0]));
let parser: Parser;

beforeAll(async () => {
  parser = await loadBashParser();
});

afterAll(() => {
  // Per-rule totals, to keep an eye on noisy rules when the rules or the corpus change.
  const rows = ALL_RULES.map(
    (r) => `${r.id} ${r.alias.padEnd(26)} ${String(counts.get(r.id)).padStart(5)}`,
  );
  console.log(`lint findings over ${files.length} corpus runbooks:\n${rows.join("\n")}`);
});

describe.skipIf(skipCorpus)("lint over the external runbook corpus", () => {
  it("is present", () => {
    expect(files.length).toBeGreaterThanOrEqual(70);
  });

  it.each(files.map((file) => [path.relative(CORPUS, file), file]))(
    "lints %s without a rule crashing",
    async (_name, file) => {
      const runbook = parseRunbook(await readRunbookFile(file), OPTIONS);
      const findings = lintRunbook(runbook, { parser, severities: {} });
      expect(findings.filter((f) => f.message.startsWith("Internal error"))).toEqual([]);
      for (const finding of findings) {
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.line).toBeLessThanOrEqual(runbook.lines.length);
        expect(finding.column).toBeGreaterThanOrEqual(1);
        counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
      }
    },
  );
});
