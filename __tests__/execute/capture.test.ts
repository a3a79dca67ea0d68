import { describe, expect, it } from "vitest";
import { HeadTailBuffer } from "../../src/execute/capture.js";

const bytes = (text: string): Buffer => Buffer.from(text, "utf8");

describe("HeadTailBuffer", () => {
  it("keeps everything in the head while it fits", () => {
    const buffer = new HeadTailBuffer(8);
    buffer.push(bytes("abc"));
    buffer.push(bytes("def"));
    expect(buffer.text()).toEqual({ head: "abcdef", tail: "" });
    expect(buffer.bytes).toBe(6);
    expect(buffer.truncated).toBe(false);
  });

  it("puts bytes after the head into the tail without overlap", () => {
    const buffer = new HeadTailBuffer(4);
    buffer.push(bytes("abcdef"));
    expect(buffer.text()).toEqual({ head: "abcd", tail: "ef" });
    expect(buffer.truncated).toBe(false);
  });

  it("keeps only the last cap bytes in the tail across many small chunks", () => {
    const buffer = new HeadTailBuffer(4);
    for (const letter of "abcdefghijklm") buffer.push(bytes(letter));
    expect(buffer.text()).toEqual({ head: "abcd", tail: "jklm" });
    expect(buffer.bytes).toBe(13);
    expect(buffer.truncated).toBe(true);
  });

  it("handles chunks larger than the cap and wrapping writes", () => {
    const buffer = new HeadTailBuffer(4);
    buffer.push(bytes("0123456789"));
    buffer.push(bytes("ab"));
    buffer.push(bytes("cde"));
    expect(buffer.text()).toEqual({ head: "0123", tail: "bcde" });
    expect(buffer.bytes).toBe(15);
  });

  it("keeps a character split between head and tail whole when nothing was dropped", () => {
    const buffer = new HeadTailBuffer(4);
    buffer.push(bytes("abcé")); // é is two bytes: the head ends inside it
    expect(buffer.text()).toEqual({ head: "abc", tail: "é" });
  });

  it("cuts at character boundaries where bytes were dropped", () => {
    const buffer = new HeadTailBuffer(4);
    buffer.push(bytes("abcé-middle-€xyz")); // the tail starts inside €
    const { head, tail } = buffer.text();
    expect(head).toBe("abc");
    expect(tail).toBe("xyz");
  });

  it("decodes invalid UTF-8 leniently and keeps a BOM as data", () => {
    const buffer = new HeadTailBuffer(16);
    buffer.push(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42, 0xc3]));
    expect(buffer.text().head).toBe("\uFEFFA\uFFFDB\uFFFD");
    expect(buffer.bytes).toBe(7);
  });

  it("rejects a cap too small to hold a character", () => {
    expect(() => new HeadTailBuffer(2)).toThrow(RangeError);
  });
});
