// The awk program reader sees through string and regex literals and finds every way out of the
// program, in one pass over any input (an awk line in a runbook is untrusted text).
import { describe, expect, it } from "vitest";
import { awkSideEffect } from "../../../src/classify/tools/awk-program.js";

describe("awkSideEffect", () => {
  it.each([
    ['{ print $1 > "out.txt" }', '> "out.txt"'],
    ['{ print $1 >> "/var/log/x" }', '> "/var/log/x"'],
    ['{ print | "sort" }', "|"],
    ['BEGIN { "date" | getline d }', "|"],
    ['BEGIN { system("rm -rf /") }', "system()"],
    ['@load "filefuncs"', "@load"],
    ['{ ENVIRON["PATH"] = "/tmp" }', "PROCINFO"],
  ])("%j reaches outside the program (%s)", (program, effect) => {
    expect(awkSideEffect(program)).toBe(effect);
  });

  it.each([
    ['{ print $1 > "/dev/stderr" }'],
    ["/error|warn/ { n++ } END { print n }"],
    ['{ print "a | b > c" }'],
    ["{ if ($1 > 3) print $2 }"],
    ["{ print ($1 > 3) }"],
  ])("%j only reads and prints", (program) => {
    expect(awkSideEffect(program)).toBeUndefined();
  });

  it("an unclosed literal is read as code, so what follows it still counts", () => {
    expect(awkSideEffect('{ print "unclosed }\n{ system(cmd) }')).toBe("system()");
  });

  // Each of these took quadratic time before (minutes at this size); one pass takes milliseconds,
  // so the test's own timeout is the bound.
  it.each([
    ["print keywords without a separator", `${"print ".repeat(100_000)}(`],
    ["escaped quotes that never close", `"${'\\"'.repeat(100_000)}`],
    ["slashes after operators", `(${" /\\/".repeat(100_000)}`],
  ])("reads %s in one pass", (_name, program) => {
    expect(() => awkSideEffect(program)).not.toThrow();
  });
});
