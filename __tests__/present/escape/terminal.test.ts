import { describe, expect, it } from "vitest";
import { escapeControlChars } from "../../../src/present/escape/terminal.js";

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
