import { describe, expect, it } from "vitest";
import { HIDDEN_CHARS } from "../../../src/core/hidden-chars.js";
import {
  clip,
  escapeControlChars,
  escapeJsonForTerminal,
  escapeLine,
} from "../../../src/present/escape/terminal.js";

describe("escapeControlChars", () => {
  it("keeps tabs, newlines and ordinary Unicode", () => {
    expect(escapeControlChars("a\tb\nç ✓ 日本", "visible")).toBe("a\tb\nç ✓ 日本");
  });

  it("names ESC, CR and NUL and shows other controls and invisibles by code point", () => {
    expect(
      escapeControlChars("\u001b[31m\r\u0000\u0007\u007f\u009b\u200b\u202e\u2066\ufeff", "visible"),
    ).toBe("<ESC>[31m<CR><NUL><U+0007><U+007F><U+009B><U+200B><U+202E><U+2066><U+FEFF>");
  });

  it("shows invisible characters that could hide text, including Unicode tags", () => {
    expect(escapeControlChars("a\u00adb\u3164c\u{e0041}\u{e007f}", "visible")).toBe(
      "a<U+00AD>b<U+3164>c<U+E0041><U+E007F>",
    );
  });

  it("turns CRLF and lone CR into newlines for output", () => {
    expect(escapeControlChars("a\r\nb\rc", "newline")).toBe("a\nb\nc");
  });

  it("is idempotent, so escaping twice changes nothing", () => {
    const once = escapeControlChars("\u001b]8;;x\u001b\\", "visible");
    expect(escapeControlChars(once, "visible")).toBe(once);
  });
});

describe("escapeLine", () => {
  it("shows ANSI colour, cursor and OSC (title, hyperlink) sequences instead of obeying them", () => {
    expect(
      escapeLine(
        "\u001b[31mred\u001b[0m \u001b[2K\u001b[1Aup \u001b]0;title\u0007x \u001b]8;;http://e\u001b\\link",
      ),
    ).toBe(
      "<ESC>[31mred<ESC>[0m <ESC>[2K<ESC>[1Aup <ESC>]0;title<U+0007>x <ESC>]8;;http://e<ESC>\\link",
    );
  });

  it("turns line breaks and tabs into spaces and names every other control", () => {
    expect(escapeLine("a\r\nb\tc\u0000d\u0007e\u009bf\u007f\rg")).toBe(
      "a b c<NUL>d<U+0007>e<U+009B>f<U+007F> g",
    );
  });

  it("shows bidi overrides and isolates by code point", () => {
    expect(escapeLine("ok \u202eevil\u202c \u2066x\u2069")).toBe(
      "ok <U+202E>evil<U+202C> <U+2066>x<U+2069>",
    );
  });

  it("joins the lines of a CRLF text with tabs and controls into one line", () => {
    expect(escapeLine("a\u001b[31mb\u0007\r\nc\td\u009b\u2066")).toBe(
      "a<ESC>[31mb<U+0007> c d<U+009B><U+2066>",
    );
  });

  it("leaves ordinary text, emoji and non-Latin scripts alone", () => {
    expect(escapeLine("Störung ✓ 🚀 日本語")).toBe("Störung ✓ 🚀 日本語");
    expect(escapeLine("Vérifier l'espace disque — 日本語 ✅")).toBe(
      "Vérifier l'espace disque — 日本語 ✅",
    );
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
