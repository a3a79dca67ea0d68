import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodedForms } from "../../src/redact/encodings.js";
import { LiteralIndex, pairKey } from "../../src/redact/literals.js";
import { SECRET_PATTERNS } from "../../src/redact/patterns.js";
import {
  codeUnits,
  firstCandidate,
  freshQuietState,
  isCandidate,
  type QuietState,
} from "../../src/redact/prefilter.js";
import { sortLongestFirst } from "../../src/redact/secret-env.js";
import { BASE64, MIN_BASE64_RUN, pairTable } from "../../src/redact/triggers.js";

// Issue 9, part 5: the prefilter's loop runs in a WebAssembly kernel (prefilter-kernel.wat).
// It must stop exactly where the loop it replaced stopped, and leave the same state, for any
// text (one byte a character or two), any state carried from an earlier piece, any chunking.

const VALUES = ["dpl-7Hq2vX9kLm4Rz8Tn0pQ", "correct horse battery staple", 'p@ss/w"rd+x'];
const literals = new LiteralIndex(
  sortLongestFirst([...VALUES, ...VALUES.flatMap((value) => encodedForms(value, 6))]),
);
const table = pairTable(literals);

/**
 * The loop as it was in JavaScript, kept here as the kernel's specification (the check of a
 * flagged pair, `isCandidate`, stays in JavaScript for both).
 */
function reference(text: string, state: QuietState): number {
  const lineBreak = (code: number): boolean => code === 10 || code === 13;
  const escape = (code: number): boolean => code === 0x1b || code === 0x9b;
  const onRun = (code: number): boolean => code === 13 || (code < 128 && BASE64[code] === 1);
  let { previous, run } = state;
  let previousAt = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    run = onRun(code) ? run + 1 : 0;
    if (run >= MIN_BASE64_RUN) return at;
    if (escape(code)) return at;
    if (lineBreak(code)) continue;
    const key = pairKey(previous, code);
    if (previous !== -1 && table[key] !== 0) {
      if (previousAt === -1) return 0;
      if (isCandidate(text, previousAt, at, key, literals, table)) return previousAt;
    }
    previous = code;
    previousAt = at;
  }
  state.previous = previous;
  state.run = run;
  return -1;
}

const piece = fc.oneof(
  { arbitrary: fc.constantFrom("INFO ", "request ", "status=200", " ", "\n", "\r\n"), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      ...VALUES.flatMap((value) => [value, value.slice(0, 2), value.slice(0, -1)]),
      ...SECRET_PATTERNS.flatMap((pattern) => [...pattern.triggers]),
      "\u001b[31m",
      "\u009b",
      "é",
      "│",
      "\u{1F600}",
    ),
    weight: 2,
  },
  // Base64 runs around the threshold, some broken by carriage returns.
  {
    arbitrary: fc
      .array(fc.constantFrom(..."AZaz09+/\r"), {
        minLength: MIN_BASE64_RUN - 3,
        maxLength: MIN_BASE64_RUN + 2,
      })
      .map((units) => units.join("")),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 6, unit: "binary" }), weight: 1 },
);
const texts = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));
const states = fc.record({
  previous: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 0xffff })),
  run: fc.integer({ min: 0, max: MIN_BASE64_RUN - 1 }),
});

describe("the prefilter kernel", () => {
  it("stops where the JavaScript loop stopped and leaves its state, for any text and state", () => {
    fc.assert(
      fc.property(texts, states, (text, start) => {
        const ours = { ...start };
        const theirs = { ...start };
        expect(firstCandidate(text, codeUnits(text), ours, literals, table)).toBe(
          reference(text, theirs),
        );
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 1000 },
    );
  });

  it("carries its state from piece to piece as the loop did", () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort(
          (a, b) => a - b,
        );
        const ours = freshQuietState();
        const theirs = freshQuietState();
        let at = 0;
        for (const point of [...points, text.length]) {
          const part = text.slice(at, point);
          const found = firstCandidate(part, codeUnits(part), ours, literals, table);
          expect(found).toBe(reference(part, theirs));
          if (found !== -1) return;
          expect(ours).toEqual(theirs);
          at = point;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("stops at the end of exactly 24 base64 characters, in one-byte and two-byte text", () => {
    const run = "QUJD".repeat(6);
    for (const tail of ["", "é"]) {
      expect(
        firstCandidate(
          `ok ${run}${tail}`,
          codeUnits(`ok ${run}${tail}`),
          freshQuietState(),
          literals,
          table,
        ),
      ).toBe(3 + 23);
      const short = `ok ${run.slice(1)}${tail}`;
      expect(firstCandidate(short, codeUnits(short), freshQuietState(), literals, table)).toBe(-1);
    }
  });

  it("takes text larger than its memory, and texts after one too large to keep", () => {
    // 1.3 MB grows the memory; 6 MB grows it past what an instance keeps, so the next text
    // goes to a new one.
    for (const lines of [40_000, 200_000, 3]) {
      const text = `${"INFO request handled status=200\n".repeat(lines)}ghp_`;
      expect(firstCandidate(text, codeUnits(text), freshQuietState(), literals, table)).toBe(
        text.length - 4,
      );
    }
  });
});
