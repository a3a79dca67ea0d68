import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadThen } from "../../src/classify/linear-match.js";
import { stringLiterals } from "../../src/classify/string-literals.js";

/** The quadratic regexes these replaced: the rewrite must find exactly what they found. */
const EQUIVALENTS: readonly [string, RegExp, ReturnType<typeof leadThen>, readonly string[]][] = [
  [
    "awk print redirect",
    /\bprint[f]?\b[^;}]*>/,
    leadThen(/\bprintf?\b/g, ";}", />/g),
    ["print", "printf", ">", ";", "}", " ", "x", "\n", "(", "'"],
  ],
  [
    "python open for writing",
    /\bopen\s*\([^)]*,\s*['"][wax+]/,
    leadThen(/\bopen\s*\(/g, ")", /,\s*['"][wax+]/g),
    ["open", "(", ")", ",", " ", "'", '"', "w", "r", "x", "\n"],
  ],
  [
    "perl open for writing",
    /\bopen\s*\(?[^;]*['"]\s*(>|\+<|>>)/,
    leadThen(/\bopen/g, ";", /['"]\s*(>|\+<|>>)/g),
    ["open", "(", ";", " ", "'", '"', ">", "+<", "<", "x", "\n"],
  ],
  [
    "base64 decode in a pipeline",
    /\b(base64|base32)\b[^|]*\s(-d|--decode|-D)\b/,
    leadThen(/\b(base64|base32)\b/g, "|", /\s(-d|--decode|-D)\b/g),
    ["base64", "base32", "|", " ", "-d", "--decode", "-D", "x", "-"],
  ],
];

describe("leadThen finds what `lead[^stops]*then` found", () => {
  for (const [name, regex, detector, alphabet] of EQUIVALENTS) {
    it(name, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (parts) => {
          const text = parts.join("");
          expect(detector(text) !== undefined).toBe(regex.test(text));
        }),
        { numRuns: 2000 },
      );
    });
  }
});

const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g;

describe("stringLiterals finds what the literal regex found", () => {
  it("on any mix of quotes, escapes and line ends", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("'", '"', "`", "\\", "\n", "a", " "), { maxLength: 30 }),
        (parts) => {
          const text = parts.join("");
          const expected = [...text.matchAll(LITERAL)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
          expect(stringLiterals(text).map((literal) => literal.value)).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
