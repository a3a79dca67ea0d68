import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { riskRank, type RiskLevel } from "../../src/core/risk.js";
import { classifyScript, loadBashParser, type RuleVerdict } from "../../src/classify/index.js";
import { skipCorpus } from "../helpers/corpus.js";
import { type CorpusCase, loadDcgCorpus } from "./dcg-corpus.js";

/**
 * destructive_command_guard's regression corpus, read in place from ../shared/corpus.
 * Its labels are allow/deny: a deny must come out at least `modifying` (and should be
 * `destructive`); every command must classify without throwing.
 */
const cases = skipCorpus ? [] : loadDcgCorpus();
let parser: Parser;
const results = new Map<CorpusCase, RuleVerdict>();

beforeAll(async () => {
  parser = await loadBashParser();
  for (const c of cases) results.set(c, classifyScript(parser, "bash", c.command));
});

const count = (expected: CorpusCase["expected"], risk?: RiskLevel): number =>
  cases.filter(
    (c) => c.expected === expected && (risk === undefined || results.get(c)?.risk === risk),
  ).length;

describe.skipIf(skipCorpus)("dcg corpus", () => {
  it("reads every file of the corpus", () => {
    const files = new Set(cases.map((c) => c.source.replace(/[#:].*$/, "")));
    expect(files.size).toBe(22);
    expect(count("deny")).toBeGreaterThanOrEqual(200);
    expect(count("allow")).toBeGreaterThanOrEqual(350);
  });

  it("classifies every command, edge cases included, without throwing", () => {
    for (const c of cases) {
      const verdict = results.get(c);
      expect(verdict, c.source).toBeDefined();
      expect(verdict?.reasons.length, c.source).toBeGreaterThan(0);
      expect(riskRank(verdict?.floor ?? "destructive"), c.source).toBeLessThanOrEqual(
        riskRank(verdict?.risk ?? "read_only"),
      );
    }
  });

  it("never calls a deny command read_only", () => {
    const lowered = cases.filter(
      (c) => c.expected === "deny" && results.get(c)?.risk === "read_only",
    );
    expect(lowered.map((c) => `${c.source}: ${c.command}`)).toEqual([]);
  });

  it("calls almost every deny command destructive", () => {
    const deny = count("deny");
    const destructive = count("deny", "destructive");
    const figures = {
      deny,
      destructive,
      modifying: count("deny", "modifying"),
      readOnly: count("deny", "read_only"),
      allow: count("allow"),
      allowReadOnly: count("allow", "read_only"),
    };
    console.log(`dcg corpus: ${JSON.stringify(figures)}`);
    // Measured: 210 of 213 (the rest are not real commands: `git RESET --HARD`, Unicode dashes).
    expect(destructive / deny).toBeGreaterThanOrEqual(0.98);
  });

  it("keeps plainly harmless allow commands read_only", () => {
    // Measured: 200 of 396; the rest are writes, unknown tools, or deletions dcg allows (rm file.txt).
    expect(count("allow", "read_only")).toBeGreaterThanOrEqual(195);
  });
});
