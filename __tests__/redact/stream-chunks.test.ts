import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrappedValue } from "./arbitraries.js";
import { encodedForms } from "../../src/redact/encodings.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { RELEASE_BELOW } from "../../src/redact/stream.js";
import { RedactingLines } from "../../src/run/redacting-lines.js";

// Issue 9, part 5: stream redaction by construction. Whatever byte positions the reads fall
// at, the pieces passed on are, joined, the redaction of the whole output; and nothing of a
// secret value goes out before the value is seen whole (not even its first character), except
// that a pause in the output lets fewer than RELEASE_BELOW (N = 3) of its first characters out.

/** A value that holds a newline (a PEM-like key), one a step may wrap, one with spaces. */
const MULTI_LINE = "Q9kf-first-line-of-key\nQ9kf-second-line-of-key";
const TOKEN = "Q7Hq2vX9kLm4Rz8Tn0pQ";
const PHRASE = "Qorrect horse battery staple";
const VALUES = [MULTI_LINE, TOKEN, PHRASE];
const redactor = createRedactor({
  env: { DEPLOY_KEY: MULTI_LINE, DEPLOY_TOKEN: TOKEN, DB_PASSWORD: PHRASE },
});

/** Every form of every value the redactor looks for, line breaks left out. */
const FORMS = VALUES.flatMap((value) => [value, ...encodedForms(value, 6)]).map((form) =>
  form.replace(/[\r\n]/g, ""),
);

/** Every 6 characters in a row of every form: none may be passed on. */
const WINDOWS = [
  ...new Set(FORMS.flatMap((form) => Array.from(form.slice(5), (_, at) => form.slice(at, at + 6)))),
];

const breaks = fc.constantFrom("\n", "\r\n");
/** A value (or an encoded form) with line breaks put inside it, as a step may print it. */
const wrapped = wrappedValue([...VALUES, ...FORMS], breaks);
/** Ordinary output: no `Q`, so no prefix of a value (all start with `Q`) occurs in it by chance. */
const QUIET = ["INFO", "request", "handled", "status=200", "é", "€", " ", " ", "ok", "--"];
/** Other things the scanner reacts to: token shapes (one wrapped), context words, base64. */
const SHAPES = [
  "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
  "ghp_16C7e42F292c6912E771\n0c838347Ae178B4a",
  "password=",
  "token: ",
  "Authorization: Bearer ",
  // A secret shape only its decoding shows (and, like every piece here, without a `Q`).
  Buffer.from("secret: hunter2hunter2hunter2\n").toString("base64"),
  "A".repeat(64),
  "\u001b[31m",
];
const output = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...QUIET), weight: 10 },
      { arbitrary: breaks, weight: 4 },
      { arbitrary: wrapped, weight: 2 },
      { arbitrary: fc.constantFrom(...SHAPES), weight: 1 },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

/** The output's bytes cut at `cuts` (any byte positions, inside characters too). */
function reads(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let at = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(at, point));
    at = point;
  }
  return pieces;
}

/**
 * What RedactingLines passes on after each read (cumulative), and in all; where `quiet` says
 * so, the step then stays quiet long enough for held lines to be looked at again.
 */
function streamed(
  pieces: readonly Buffer[],
  quiet: readonly boolean[] = [],
): { afterEach: string[]; all: string } {
  let seen = "";
  const afterEach: string[] = [];
  const lines = new RedactingLines(redactor, (text) => (seen += text));
  pieces.forEach((piece, index) => {
    lines.push(piece, "stdout");
    if (quiet[index] === true) lines.release();
    afterEach.push(seen);
  });
  lines.flush();
  return { afterEach, all: seen };
}

describe("stream redaction over any chunking", () => {
  it("passes on, joined, exactly the redaction of the whole output", () => {
    fc.assert(
      fc.property(output, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const bytes = Buffer.from(text, "utf8");
        expect(streamed(reads(bytes, cuts)).all).toBe(redactor(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("passes on no character of a secret value before the value is seen whole", () => {
    fc.assert(
      fc.property(output, fc.array(fc.nat(), { maxLength: 10 }), (text, cuts) => {
        const { afterEach, all } = streamed(reads(Buffer.from(text, "utf8"), cuts));
        for (const seen of [...afterEach, all]) {
          // Every value and form starts with `Q` (or an encoded first character that the
          // quiet words never hold), so any `Q` passed on would be a value's first character.
          expect(seen).not.toContain("Q");
          const flat = seen.replace(/[\r\n]/g, "");
          expect(WINDOWS.filter((window) => flat.includes(window))).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it(`lets at most ${RELEASE_BELOW - 1} first characters of a value out when the step pauses`, () => {
    const firsts = [...new Set(FORMS.map((form) => form.slice(0, RELEASE_BELOW)))];
    fc.assert(
      fc.property(
        output,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.array(fc.boolean(), { maxLength: 11 }),
        (text, cuts, quiet) => {
          const { afterEach, all } = streamed(reads(Buffer.from(text, "utf8"), cuts), quiet);
          for (const seen of [...afterEach, all]) {
            const flat = seen.replace(/[\r\n]/g, "");
            expect(firsts.filter((first) => flat.includes(first))).toEqual([]);
            expect(WINDOWS.filter((window) => flat.includes(window))).toEqual([]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("scans the piece after a release with what went out: a value's start across pauses stays under the bound", () => {
    // A form of PHRASE wrapped one character a line (found by the property above): `R` and `b`
    // went out at a pause; `3` came alone and went out too, unscanned beside them.
    const text = "R\nb\n3\nJyZWN0IGhvcnNlIGJhdHRlcnkgc3RhcGxl";
    expect(redactor(text)).toBe("***");
    const bytes = Buffer.from(text);
    const { afterEach, all } = streamed(
      [bytes.subarray(0, 4), bytes.subarray(4, 6), bytes.subarray(6)],
      [true],
    );
    // The last piece is an unfinished line: it waits for the end of the output.
    expect(afterEach).toEqual(["R\nb\n", "R\nb\n", "R\nb\n"]);
    expect(all).toBe("R\nb\n***");
  });

  it("reads each value whole when a read ends after any of its characters", () => {
    // Every cut through a multi-line value, one read ending at each byte.
    const text = `before\n${MULTI_LINE}\nafter\n`;
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const { afterEach, all } = streamed([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(afterEach[0] ?? "").not.toContain("Q9kf");
      expect(all).toBe("before\n***\nafter\n");
    }
  });
});
