import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiveView } from "../../src/present/live-view.js";
import { MAX_LINE_CHARS } from "../../src/present/lines.js";
import type { OutputStream } from "../../src/execute/types.js";
import { HOSTILE, Screen } from "./helpers.js";

// Issue 9, part 5: lines of plain ASCII are framed in one pass over their bytes. Whatever a step
// prints, the view must show exactly what the general path (decode, escape, cut, frame) shows.

/** What a view prints for `chunks`, given as text (the fast path may take them) or as bytes. */
function shown(chunks: readonly string[], as: "text" | "bytes", env: Record<string, string>) {
  const screen = new Screen(false);
  const view = new LiveView({ stream: screen, env });
  view.stepStarted({ index: 1, total: 1, title: "t" });
  chunks.forEach((chunk, index) => {
    const stream: OutputStream = index % 3 === 2 ? "stderr" : "stdout";
    view.output(as === "text" ? chunk : Buffer.from(chunk, "utf8"), stream);
  });
  view.stepFinished({ index: 1, title: "t", status: "succeeded", durationMs: 1 });
  return screen.text;
}

const piece = fc.oneof(
  { arbitrary: fc.constantFrom("INFO ok", "status=200", "\t", " ", "\n", "\n"), weight: 10 },
  {
    arbitrary: fc.constantFrom(
      ...["\r", "\r\n", "\u001b[31m", "\u0000", "\b", "\u001f", "\u007f", "\u0085", "\u009b"],
      ...["é", "│", "\u{1F600}"],
    ),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom("x".repeat(MAX_LINE_CHARS), "y".repeat(MAX_LINE_CHARS + 1)),
    weight: 1,
  },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 2 },
);
const chunks = fc.array(
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join("")),
  {
    maxLength: 6,
  },
);

describe("plain ASCII lines framed in one pass", () => {
  it("print exactly what the general path prints, for any output and chunking", () => {
    for (const env of [{ NO_COLOR: "1" }, { FORCE_COLOR: "1" }]) {
      fc.assert(
        fc.property(chunks, (list) => {
          expect(shown(list, "text", env)).toBe(shown(list, "bytes", env));
        }),
        { numRuns: 500 },
      );
    }
  });

  it("print what the general path prints at the edges: line length, every byte value", () => {
    const env = { NO_COLOR: "1" };
    // Lines around the longest a line may be (the general path cuts longer ones), at every
    // offset of the kernel's 16-byte blocks.
    for (const length of [MAX_LINE_CHARS - 1, MAX_LINE_CHARS, MAX_LINE_CHARS + 1]) {
      for (const shift of [0, 1, 7, 15, 16]) {
        const chunk = `${"s".repeat(shift)}\n${"x".repeat(length)}\nend\n`;
        expect(shown([chunk], "text", env)).toBe(shown([chunk], "bytes", env));
      }
    }
    for (let code = 0; code < 256; code++) {
      const chunk = `before\n${"a".repeat(code % 17)}${String.fromCharCode(code)}b\nafter\n`;
      expect(shown([chunk], "text", env)).toBe(shown([chunk], "bytes", env));
    }
  });

  it("frame a text too large for the kernel's memory to keep, and the texts after it", () => {
    const env = { NO_COLOR: "1" };
    const chunks = ["INFO request handled status=200\n".repeat(200_000), "ok\n", "é\n", "ok\n"];
    expect(shown(chunks, "text", env)).toBe(shown(chunks, "bytes", env));
  });

  it("leave hostile output to the escaping path", () => {
    const text = shown([`plain line\n${HOSTILE}`], "text", { NO_COLOR: "1" });
    expect(text).toContain("  │ plain line\n");
    expect(text).toContain("<ESC>[2J");
    expect(text).not.toContain("\u001b");
  });
});
