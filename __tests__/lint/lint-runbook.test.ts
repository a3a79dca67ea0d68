import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import type { Runbook } from "../../src/core/runbook.js";
import { ALL_RULES, lintRunbook, lintWithRules } from "../../src/lint/index.js";
import type { LintRule } from "../../src/lint/types.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/lint");
const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };

function fixture(name: string): Runbook {
  return parseRunbook(decodeRunbook(name, readFileSync(path.join(FIXTURES, name))), OPTIONS);
}

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

describe("lintRunbook severities", () => {
  const runbook = (): Runbook => fixture("RB002-fence-at-margin.md");
  const severitiesOf = (severities: Record<string, "error" | "warning" | "info" | "off">) =>
    new Set(
      lintRunbook(runbook(), { parser, severities })
        .filter((f) => f.ruleId === "RB002")
        .map((f) => f.severity),
    );

  it("applies each rule's default severity", () => {
    expect(severitiesOf({})).toEqual(new Set(["error"]));
    const findings = lintRunbook(runbook(), { parser, severities: {} });
    expect(new Set(findings.filter((f) => f.ruleId === "RB001").map((f) => f.severity))).toEqual(
      new Set(["info"]),
    );
  });

  it("overrides a severity by id and by alias", () => {
    expect(severitiesOf({ RB002: "warning" })).toEqual(new Set(["warning"]));
    expect(severitiesOf({ "fence-at-margin": "info" })).toEqual(new Set(["info"]));
  });

  it("lets the id win when both the id and the alias are set", () => {
    expect(severitiesOf({ "fence-at-margin": "info", RB002: "warning" })).toEqual(
      new Set(["warning"]),
    );
  });

  it("skips rules set to `off`, by id or by alias", () => {
    expect(severitiesOf({ RB002: "off" })).toEqual(new Set());
    expect(severitiesOf({ "fence-at-margin": "off" })).toEqual(new Set());
    const all = Object.fromEntries(ALL_RULES.map((rule) => [rule.alias, "off" as const]));
    expect(lintRunbook(runbook(), { parser, severities: all })).toEqual([]);
  });

  it("sorts findings by line, then column, then rule id", () => {
    const findings = lintRunbook(fixture("RB008-fence-attribute-invalid.md"), {
      parser,
      severities: {},
    });
    const keys = findings.map((f) => [f.line, f.column, f.ruleId] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
    expect(keys).toEqual(sorted);
    expect(findings.length).toBeGreaterThan(5);
  });

  it("uses verdicts given by the caller instead of classifying again", () => {
    const destructive = fixture("RB016-unmarked-destructive.md");
    const calm = new Map(
      destructive.steps.map((step) => [
        step.index,
        { risk: "read_only" as const, floor: "read_only" as const, reasons: [] },
      ]),
    );
    const rb016 = (verdicts?: typeof calm) =>
      lintRunbook(destructive, { parser, severities: {}, verdicts }).filter(
        (f) => f.ruleId === "RB016",
      ).length;
    expect(rb016()).toBe(1);
    expect(rb016(calm)).toBe(0);
  });
});

describe("the crash guard", () => {
  it("turns a rule that throws into a finding naming the rule, and runs the others", () => {
    const broken: LintRule = {
      id: "RB999",
      alias: "broken",
      description: "throws",
      defaultSeverity: "warning",
      check() {
        throw new Error("boom");
      },
    };
    const findings = lintWithRules([broken, ...ALL_RULES], fixture("RB002-fence-at-margin.md"), {
      parser,
      severities: {},
    });
    expect(findings[0]).toMatchObject({
      ruleId: "RB999",
      severity: "warning",
      line: 1,
      column: 1,
      message: "Internal error in rule RB999 (broken): boom",
    });
    expect(findings.some((f) => f.ruleId === "RB002")).toBe(true);
  });
});
