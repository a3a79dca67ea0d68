import { describe, expect, it } from "vitest";
import { LineAssembler, MAX_LINE_CHARS } from "../../src/present/lines.js";

/** The lines of a block `push` returned, or none. */
const linesOf = (block: string | undefined): string[] =>
  block === undefined ? [] : block.split("\n");

describe("LineAssembler", () => {
  it("returns complete lines and keeps the rest for later", () => {
    const lines = new LineAssembler();
    expect(linesOf(lines.push("a\nb"))).toEqual(["a"]);
    expect(linesOf(lines.push("c\n"))).toEqual(["bc"]);
    expect(lines.flush()).toBeUndefined();
  });

  it("decodes invalid UTF-8 as U+FFFD", () => {
    const lines = new LineAssembler();
    expect(linesOf(lines.push(Buffer.from([0x61, 0xff, 0x0a])))).toEqual(["a\uFFFD"]);
  });

  it("cuts an endless line so memory stays bounded", () => {
    const lines = new LineAssembler();
    const out = linesOf(lines.push("x".repeat(MAX_LINE_CHARS * 2 + 5)));
    expect(out).toEqual(["x".repeat(MAX_LINE_CHARS), "x".repeat(MAX_LINE_CHARS)]);
    expect(lines.flush()).toBe("xxxxx");
  });

  it("returns no lines for a chunk without a line end, and an empty line for a bare one", () => {
    const lines = new LineAssembler();
    expect(lines.push("abc")).toBeUndefined();
    expect(linesOf(lines.push("\n\n"))).toEqual(["abc", ""]);
  });
});
