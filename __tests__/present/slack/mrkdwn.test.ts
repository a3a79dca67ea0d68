import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codeBlock,
  escapeInline,
  escapeMrkdwn,
  fitRendered,
  mention,
} from "../../../src/present/slack/mrkdwn.js";

describe("Slack mrkdwn escaping (invariant 8)", () => {
  it("turns every control character, <, > and & into inert text", () => {
    expect(escapeMrkdwn("<!channel> & <@U123|x> <https://a|b>")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U123|x&gt; &lt;https://a|b&gt;",
    );
    expect(escapeMrkdwn("a\u001b[2Jb\u202ec")).toBe("a&lt;ESC&gt;[2Jb&lt;U+202E&gt;c");
  });

  it("property: escaped text never contains < or >, and & only as an entity", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const out = escapeMrkdwn(text);
        expect(out).not.toMatch(/[<>]/);
        expect(out.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
      }),
    );
  });

  it("property: a code block has exactly its two fences, whatever backticks the script holds", () => {
    const script = fc.array(fc.constantFrom("`", "``", "```", "a", "\n", "<", "&", " "), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(script, (parts) => {
        const { text } = codeBlock(parts.join(""));
        expect(text.startsWith("```\n")).toBe(true);
        expect(text.endsWith("\n```")).toBe(true);
        expect(text.slice(3, -3)).not.toContain("``");
      }),
    );
  });

  it("cuts in the raw text, so an entity is never split, and says how much was kept", () => {
    const raw = "<".repeat(100);
    const { text, cut } = fitRendered(raw, escapeMrkdwn, 50);
    expect(text).toBe("&lt;".repeat(12));
    expect(cut).toEqual({ kept: 12, total: 100 });
    expect(fitRendered("short", escapeMrkdwn, 50).cut).toBeUndefined();
  });

  it("mentions only real user IDs", () => {
    expect(mention("UALICE01")).toBe("<@UALICE01>");
    expect(mention("<!channel>")).toBe("&lt;!channel&gt;");
  });
});

describe("inline runbook text", () => {
  it("cannot open a code block over the rest of a message", () => {
    expect(escapeInline("Run ```rm``` now\nplease")).not.toContain("``");
    expect(escapeInline("a <b> & c")).toBe("a &lt;b&gt; &amp; c");
  });
});
