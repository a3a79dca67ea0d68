import { describe, expect, it } from "vitest";
import { findKeyLine } from "../../src/config/key-line.js";
import { closest } from "../../src/config/suggest.js";

const SOURCE = [
  "# comment = not a key", // 1
  'llm_model = "x"', // 2
  'rules.RB003 = "off"', // 3
  '"quoted_key" = 1', // 4
  "", // 5
  "[interpreters]", // 6
  'sql = "psql -v X=1"', // 7
  "", // 8
  "[ rules ]", // 9
  'RB001 = "warning"', // 10
  "'fence-at-margin' = \"off\"", // 11
  "pass_env = [", // 12
  '  "A",', // 13
  "]", // 14
].join("\r\n");

describe("findKeyLine", () => {
  it.each([
    [["llm_model"], 2],
    [["rules", "RB003"], 3],
    [["quoted_key"], 4],
    [["interpreters"], 6],
    [["interpreters", "sql"], 7],
    [["interpreters", "psql"], 6],
    [["rules", "RB001"], 10],
    [["rules", "fence-at-margin"], 11],
    [["rules", "pass_env", 0], 12],
    [["missing"], undefined],
  ] as const)("%j → line %s", (path, line) => {
    expect(findKeyLine(SOURCE, path)).toBe(line);
  });

  it("finds a key inside an inline table at its table's line", () => {
    expect(findKeyLine('a = 1\ninterpreters = { sql = "" }\n', ["interpreters", "sql"])).toBe(2);
  });
});

describe("closest", () => {
  it.each([
    ["timeout_secs", "timeout_seconds"],
    ["TIMEOUT_SECONDS", "timeout_seconds"],
    ["dryrun", "dry_run"],
    ["colour", undefined],
    ["x", undefined],
  ])("%s → %s", (word, expected) => {
    expect(closest(word, ["timeout_seconds", "dry_run", "strict", "no_llm"])).toBe(expected);
  });
});
