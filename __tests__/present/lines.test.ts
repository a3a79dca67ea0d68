import { describe, expect, it } from "vitest";
import { LineAssembler, MAX_LINE_CHARS } from "../../src/present/lines.js";

describe("LineAssembler", () => {
  it("returns complete lines and keeps the rest for later", () => {
    const lines = new LineAssembler();
    expect(lines.push("a\nb")).toEqual(["a"]);
    expect(lines.push("c\n")).toEqual(["bc"]);
    expect(lines.flush()).toBeUndefined();
  });

  it("decodes invalid UTF-8 as U+FFFD", () => {
    const lines = new LineAssembler();
    expect(lines.push(Buffer.from([0x61, 0xff, 0x0a]))).toEqual(["a\uFFFD"]);
  });

  it("cuts an endless line so memory stays bounded", () => {
    const lines = new LineAssembler();
    const out = lines.push("x".repeat(MAX_LINE_CHARS * 2 + 5));
    expect(out).toEqual(["x".repeat(MAX_LINE_CHARS), "x".repeat(MAX_LINE_CHARS)]);
    expect(lines.flush()).toBe("xxxxx");
  });
});
