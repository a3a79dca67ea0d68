import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  escapeMermaidLabel,
  escapeTableCell,
  truncate,
} from "../../../src/present/escape/markdown.js";

describe("escapeMarkdown", () => {
  it("turns HTML into inert entities", () => {
    const out = escapeMarkdown("<img src=x onerror=alert(1)>");
    expect(out).not.toMatch(/[<>]/);
    expect(out).toBe("&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;");
  });

  it("escapes Markdown syntax, mentions, math and emoji shortcodes", () => {
    const out = escapeMarkdown("**bold** [a](b) @team $x$ :tada: `code` ~~s~~ # h | c");
    expect(out.replace(/&#\d+;/g, "")).not.toMatch(/[*[\]()@$:`~#|&]/);
    expect(out).toContain("&#64;team");
  });

  it("keeps the text on one line", () => {
    expect(escapeMarkdown("a\nb\r\nc\rd")).toBe("a b c d");
  });
});

describe("escapeTableCell", () => {
  it("keeps pipes from splitting the cell and line breaks as <br>", () => {
    expect(escapeTableCell(" a | b\nc&d ")).toBe("a &#124; b<br>c&#38;d");
  });
});

describe("escapeMermaidLabel", () => {
  it("encodes quotes, brackets and backticks as Mermaid entity codes", () => {
    const out = escapeMermaidLabel('x"] --> y["```');
    expect(out).toBe("x#34;#93; #45;#45;#62; y#91;#34;#96;#96;#96;");
    expect(out).not.toMatch(/["[\]`<>]/);
  });

  it("keeps letters, digits and spaces readable, in any script", () => {
    expect(escapeMermaidLabel("Étape 2 über")).toBe("Étape 2 über");
  });
});

describe("truncate", () => {
  it("leaves short text alone", () => {
    expect(truncate("abc", 3)).toBe("abc");
  });

  it("cuts to the limit with an ellipsis", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
  });

  it("never splits a surrogate pair", () => {
    const out = truncate("ab😀cd", 4);
    expect(out).toBe("ab…");
    expect(out.length).toBeLessThanOrEqual(4);
  });
});

describe("control characters", () => {
  it("shows ANSI escapes and bidi overrides instead of obeying them", () => {
    expect(escapeMarkdown("a\u001b[31mred\u202e")).toBe(
      "a&#60;ESC&#62;&#91;31mred&#60;U&#43;202E&#62;",
    );
  });
});
