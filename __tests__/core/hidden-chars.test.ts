import { describe, expect, it } from "vitest";
import { HIDDEN_CHARS, showHiddenChars } from "../../src/core/hidden-chars.js";
import { escapeMarkdown } from "../../src/present/escape/markdown.js";
import { escapeControlChars, escapeLine } from "../../src/present/escape/terminal.js";
import { workflowCommandMessage } from "../../src/present/escape/workflow-commands.js";

// Between letters: ESC (ANSI), C1 CSI, DEL, bidi override, zero-width space, soft hyphen, a Unicode tag letter
// (hidden ASCII), BOM, line separator.
const HOSTILE = "g\u001b[2Jh\u009bi\u007fj\u202ek\u200bm\u00adn\u{e0041}p\ufeffq\u2028r";

/** Fresh regex: the shared one is global, so `test` would keep its lastIndex between calls. */
const hidden = (): RegExp => new RegExp(HIDDEN_CHARS.source, "u");

describe("every printer of untrusted text hides nothing (invariant 8)", () => {
  it.each([
    ["escapeLine (validate text, replay, CLI notices)", escapeLine(HOSTILE)],
    ["showHiddenChars (annotations)", showHiddenChars(HOSTILE)],
    ["workflowCommandMessage (workflow commands)", workflowCommandMessage(HOSTILE)],
    ["escapeMarkdown (job summary)", escapeMarkdown(HOSTILE)],
    ["escapeControlChars (run view, approvals)", escapeControlChars(HOSTILE, "visible")],
  ])("%s leaves none of the hidden characters", (_name, printed) => {
    expect(printed).not.toMatch(hidden());
    // The text around them survives (letters chosen outside hex digits and escape names).
    expect(printed.replace(/[^g-kmnp-r]/g, "")).toBe("ghijkmnpqr");
  });
});

describe("showHiddenChars", () => {
  it("keeps line breaks and tabs, naming only the hidden characters", () => {
    expect(showHiddenChars("a\nb\tc\u001b")).toBe("a\nb\tc<ESC>");
  });
});
