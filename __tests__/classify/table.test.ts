import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyScript, loadBashParser } from "../../src/classify/index.js";
import { readCommandTable } from "./command-table.js";

const rows = readCommandTable();
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
