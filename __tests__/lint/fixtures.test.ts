import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { ALL_RULES, lintRunbook } from "../../src/lint/index.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/lint");
const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };
/** `{RB013}` marks its own line; `{RB002-3}` the line 3 above, `{RB007+1}` the line below. */
const MARKER = /\{(RB\d{3})([+-]\d+)?\}/g;

/** Rule id → lines the fixture marks for it. */
function markedLines(text: string): Map<string, number[]> {
  const marks = new Map<string, number[]>();
  for (const [row, line] of text.split("\n").entries()) {
    for (const [, id = "", offset = "0"] of line.matchAll(MARKER)) {
      marks.set(id, [...(marks.get(id) ?? []), row + 1 + Number(offset)]);
    }
  }
  for (const lines of marks.values()) lines.sort((a, b) => a - b);
  return marks;
}

const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".md"))
  .sort();
let parser: Parser;

beforeAll(async () => {
  parser = await loadBashParser();
});

describe("lint rule fixtures", () => {
  it("has one fixture per rule, named `RB0NN-alias.md`", () => {
    expect(fixtures).toEqual(ALL_RULES.map((rule) => `${rule.id}-${rule.alias}.md`));
  });

  for (const name of fixtures) {
    it(`${name}: reports exactly the marked lines`, () => {
      const bytes = readFileSync(path.join(FIXTURES, name));
      const marks = markedLines(bytes.toString("utf8"));
      const own = name.slice(0, 5);
      expect(marks.get(own)?.length ?? 0).toBeGreaterThan(0);
      const findings = lintRunbook(parseRunbook(decodeRunbook(name, bytes), OPTIONS), {
        parser,
        severities: {},
      });
      expect(findings.filter((f) => f.message.startsWith("Internal error"))).toEqual([]);
      for (const id of new Set([own, ...marks.keys()])) {
        const reported = [...new Set(findings.filter((f) => f.ruleId === id).map((f) => f.line))];
        expect({ id, lines: reported }).toEqual({ id, lines: [...new Set(marks.get(id))] });
      }
    });
  }
});
