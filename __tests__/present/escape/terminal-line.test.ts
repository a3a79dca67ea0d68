import { describe, expect, it } from "vitest";
import {
  clip,
  escapeJsonForTerminal,
  terminalLine,
} from "../../../src/present/escape/terminal-line.js";
import { HIDDEN_CHARS } from "../../../src/core/hidden-chars.js";

describe("terminalLine", () => {
  it("removes ANSI colour, cursor and OSC (title, hyperlink) sequences", () => {
    expect(
      terminalLine(
        "\u001b[31mred\u001b[0m \u001b[2K\u001b[1Aup \u001b]0;title\u0007x \u001b]8;;http://e\u001b\\link",
      ),
    ).toBe("red up x link");
  });

  it("turns line breaks and tabs into spaces and other controls into U+FFFD", () => {
    expect(terminalLine("a\r\nb\tc\u0000d\u0007e\u009bf\u007f")).toBe(
      "a b c\ufffdd\ufffde\ufffdf\ufffd",
    );
  });

  it("neutralises bidi overrides", () => {
    expect(terminalLine("ok \u202eevil\u202c \u2066x\u2069")).toBe(
      "ok \ufffdevil\ufffd \ufffdx\ufffd",
    );
  });

  it("leaves ordinary text, emoji and non-Latin scripts alone", () => {
    expect(terminalLine("Störung ✓ 🚀 日本語")).toBe("Störung ✓ 🚀 日本語");
  });
});

describe("escapeJsonForTerminal", () => {
  it("escapes C1, DEL and bidi characters without changing the JSON value", () => {
    const value = { text: "a\u009bb\u007fc\u202ed" };
    const json = escapeJsonForTerminal(JSON.stringify(value));
    expect(json).toBe('{"text":"a\\u009bb\\u007fc\\u202ed"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it("escapes every hidden character the text output hides, zero-width and Unicode tags included", () => {
    const hiddenChar = new RegExp(HIDDEN_CHARS.source, "u");
    const hidden: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (hiddenChar.test(char)) hidden.push(char);
    }
    expect(hidden).toContain("\u200b");
    expect(hidden).toContain("\u{e0041}");
    const value = { text: hidden.join("x"), [`k\u200b\u{e0041}`]: "ey" };
    const json = escapeJsonForTerminal(JSON.stringify(value, null, 2));
    expect(json.replace(/\n/g, "")).not.toMatch(hiddenChar);
    expect(json).toContain("\\u200b");
    expect(json).toContain("\\udb40\\udc41");
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("clip", () => {
  it("shortens with an ellipsis", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("abc", 4)).toBe("abc");
  });
});
