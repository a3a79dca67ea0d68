import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { isRiskLevel, type RiskLevel } from "../../src/core/risk.js";
import { classifyScript, loadBashParser } from "../../src/classify/index.js";

interface Row {
  readonly line: number;
  readonly level: RiskLevel;
  readonly reason: string;
  readonly command: string;
}

const fixture = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "classify",
  "commands.tsv",
);

function readTable(): Row[] {
  const rows: Row[] = [];
  readFileSync(fixture, "utf8")
    .split("\n")
    .forEach((text, i) => {
      if (text.trim() === "" || text.startsWith("#")) return;
      const [level = "", reason = "", ...rest] = text.split("\t");
      if (!isRiskLevel(level) || reason === "" || rest.length === 0)
        throw new Error(`${fixture}:${i + 1}: expected "level<TAB>reason<TAB>command"`);
      rows.push({ line: i + 1, level, reason, command: rest.join("\t").replaceAll("␤", "\n") });
    });
  return rows;
}

const rows = readTable();
let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

describe("the command table", () => {
  it("has at least 300 commands, at least 60 per level", () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const level of ["read_only", "modifying", "destructive"] as const) {
      expect(rows.filter((r) => r.level === level).length).toBeGreaterThanOrEqual(60);
    }
  });

  it.each(rows.map((r) => [`${r.line}: ${r.command.replaceAll("\n", "⏎")}`, r] as const))(
    "%s",
    (_name, row) => {
      const verdict = classifyScript(parser, "bash", row.command);
      const summary = { risk: verdict.risk, reasons: verdict.reasons.map((r) => r.ruleId) };
      expect(summary.risk, JSON.stringify(verdict.reasons)).toBe(row.level);
      expect(
        summary.reasons.some((id) => id.includes(row.reason)),
        JSON.stringify(verdict.reasons),
      ).toBe(true);
      for (const reason of verdict.reasons) expect(reason.message).toMatch(/`[^`]+`|script/);
    },
  );
});
