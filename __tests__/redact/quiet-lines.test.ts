import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrappedValue } from "./arbitraries.js";
import { encodedForms } from "../../src/redact/encodings.js";
import { LiteralIndex } from "../../src/redact/literals.js";
import { withoutEscapeSequences } from "../../src/redact/escape-sequences.js";
import {
  createRedactor,
  replaceSpans,
  type FindOptions,
  type Redactor,
} from "../../src/redact/redactor.js";
import { pairTable, quietLines, scanFrom } from "../../src/redact/scan.js";
import { SECRET_PATTERNS } from "../../src/redact/patterns.js";
import { PATTERNS } from "../../src/redact/triggers.js";
import { sortLongestFirst } from "../../src/redact/secret-env.js";
import { StreamRedactor } from "../../src/redact/stream.js";

// Issue 9, part 5: the scanner skips the lines before the first real candidate. The skipping
// scan must report exactly what the full scan reports, on any text and any chunking.

const TOKEN = "dpl-7Hq2vX9kLm4Rz8Tn0pQ";
const VALUES = [TOKEN, "correct horse battery staple", 'p@ss/w"rd+x'];
/** The values and their encoded forms: what the literal search looks for. */
const KNOWN = [...VALUES, ...VALUES.flatMap((value) => encodedForms(value, 6))];
const literals = new LiteralIndex(sortLongestFirst(KNOWN));
const table = pairTable(literals);
const redactor = createRedactor({
  env: { DEPLOY_TOKEN: TOKEN, DB_PASSWORD: VALUES[1], API_SECRET: VALUES[2] },
});

/** Pieces that start, end or cut through everything the scanner reacts to. */
const PIECES = [
  ...KNOWN,
  ...VALUES.flatMap((value) => [value.slice(0, 2), value.slice(1), value.slice(0, -1)]),
  ...SECRET_PATTERNS.flatMap((pattern) => [...pattern.triggers]),
  "ghp_0123456789abcdefghijABCDEFGHIJ0123",
  "-----BEGIN RSA PRIVATE KEY-----",
  "-----END RSA PRIVATE KEY-----",
  "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig",
  "Authorization: Bearer ",
  "https://user:pa55@host/",
  "password=",
  '"token": "',
  "--secret-access-key ",
  Buffer.from(`DEPLOY_TOKEN=${TOKEN}\n`).toString("base64"),
  // A secret shape only its decoding shows: 36 characters of base64.
  Buffer.from("DB_PASSWORD=hunter2hunter2\n").toString("base64"),
  "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY",
  "A".repeat(23),
  "A".repeat(64),
  "\u001b[31m",
  "\u001b[0m",
  "\u009b",
  "é",
  "\u{1F600}",
];
/** Words of ordinary output, which hold no candidate: the lines the scanner may skip. */
const QUIET = [
  "INFO",
  "request",
  "handled",
  "status=200",
  "path=/api/v1/items/35",
  "ms=5",
  "ok",
  "--",
];
const breaks = fc.constantFrom("\n", "\r\n", "\r", "\n\n");
/** A known value (or an encoded form) with line breaks inside it, as a step may wrap it. */
const wrapped = wrappedValue(KNOWN, breaks);
const text = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...QUIET, " ", " ", "\n"), weight: 12 },
      { arbitrary: fc.constantFrom(...PIECES), weight: 1 },
      { arbitrary: wrapped, weight: 1 },
      { arbitrary: breaks, weight: 1 },
      { arbitrary: fc.constantFrom(" ", "=", ":", "-", '"', "/", "_"), weight: 1 },
      { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
      { arbitrary: fc.stringMatching(/^[A-Za-z0-9+/=\r\n]{0,90}$/), weight: 1 },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(""));

/** Ordinary output with one candidate somewhere: the first candidate is where skipping ends. */
const sparse = fc
  .tuple(
    fc.array(fc.constantFrom(...QUIET, " ", "\n"), { maxLength: 40 }),
    fc.oneof(fc.constantFrom(...PIECES), wrapped),
    fc.nat(),
  )
  .map(([words, piece, at]) => {
    words.splice(at % (words.length + 1), 0, piece);
    return words.join("");
  });
const anyText = fc.oneof(text, sparse);

type Span = readonly [number, number];

/** What the scan from `from` reports, as sorted spans. */
function spans(source: string, from: number): Span[] {
  const out: number[] = [];
  scanFrom(source, from, literals, table, new Int32Array(SECRET_PATTERNS.length), out, {
    decodeBase64: true,
  });
  const pairs: Span[] = [];
  for (let index = 0; index < out.length; index += 2) {
    pairs.push([out[index] ?? 0, out[index + 1] ?? 0]);
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe("quietLines: the lines the scanner skips", () => {
  it("hold nothing the full scan would report (random texts)", () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const from = quietLines(source, literals, table);
        expect(from === 0 || from === source.length || source[from - 1] === "\n").toBe(true);
        expect(spans(source, from)).toEqual(spans(source, 0));
      }),
      { numRuns: 3000 },
    );
  });

  it("are the whole text for ordinary log lines, so the fast path is really taken", () => {
    const logs = [
      "2026-11-24T06:00:05.000005Z INFO request handled path=/api/v1/items/35 status=200 ms=5\n",
      "INFO request handled status=200\n",
      "total 12\ndrwxr-xr-x 2 root root 4096 Dec  7 03:00 .\n",
    ];
    for (const log of logs) {
      const source = log.repeat(500);
      expect(quietLines(source, literals, table)).toBe(source.length);
    }
  });

  it("end at the line of the first real candidate", () => {
    const lines = ["ordinary line one", "ordinary line two", "monkey: banana", "tail"];
    const source = lines.join("\n");
    expect(quietLines(source, literals, table)).toBe(source.indexOf("monkey"));
    // A literal whose first two characters a line break separates starts on the earlier line.
    const split = `ok\nvalue ${TOKEN.slice(0, 1)}\n${TOKEN.slice(1)} end\n`;
    expect(quietLines(split, literals, table)).toBe(3);
    expect(redactor(split)).toBe("ok\nvalue *** end\n");
  });

  it("end where 24 base64 characters stand together, even between carriage returns", () => {
    const run = `short words\n${"QUJD\r".repeat(5)}QUJD\nrest`;
    expect(quietLines(run, literals, table)).toBe(12);
    const short = "short words\nQUJDQUJDQUJDQUJDQUJDQUJ\n";
    expect(quietLines(short, literals, table)).toBe(short.length);
  });
});

/**
 * The redactor as it was before the skipping: the same steps as `createRedactor`'s `find`, with
 * the full scan from the first character: the patterns that match only at the start of a text
 * (where the stream redactor says the text begins there), the scan, the secrets inside escape
 * sequences set aside (window titles).
 */
const fullScan = Object.assign(
  (source: string) => replaceSpans(source, fullFind(source), 0, source.length),
  {
    find: fullFind,
    // A stream's view of what is still open, and its prefilter, are the redactor's own.
    findOpen: (source: string, options: Parameters<Redactor["findOpen"]>[1]) => ({
      spans: fullFind(source, options),
      open: redactor.findOpen(source, options).open,
    }),
    prefilter: redactor.prefilter,
  },
);
function fullFind(source: string, options: FindOptions = {}): number[] {
  const clean = withoutEscapeSequences(source);
  const origin = (at: number): number =>
    clean.origin === undefined ? at : (clean.origin[at] ?? 0);
  const found = spans(clean.text, 0);
  if (options.atStart !== false) {
    for (const pattern of PATTERNS.filter((each) => each.atStart === true)) {
      const outcome = pattern.match(clean.text, 0);
      if ("start" in outcome) found.push([outcome.start, outcome.end]);
    }
  }
  const pairs = found.map(([start, end]): Span => [origin(start), origin(end - 1) + 1]);
  for (const sequence of clean.removed ?? []) {
    for (const [start, end] of spans(sequence.text, 0)) {
      pairs.push([sequence.at + start, sequence.at + end]);
    }
  }
  const merged: number[] = [];
  for (const [start, end] of pairs.sort((a, b) => a[0] - b[0])) {
    const last = merged.length - 1;
    const lastEnd = merged[last] ?? 0;
    if (last > 0 && start <= lastEnd) merged[last] = Math.max(lastEnd, end);
    else merged.push(start, end);
  }
  return merged;
}

/** What a stream redactor over `find` passes on for `source` cut at `cuts`. */
function streamed(over: Redactor, source: string, cuts: readonly number[]): string {
  const points = [...new Set(cuts.map((cut) => cut % (source.length + 1)))].sort((a, b) => a - b);
  const stream = new StreamRedactor(over);
  let out = "";
  let at = 0;
  for (const point of [...points, source.length]) {
    out += stream.push(source.slice(at, point));
    at = point;
  }
  return out + stream.flush();
}

describe("the stream redactor with the skipping scan", () => {
  it("passes on exactly what it passed on with the full scan, over random chunkings", () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 8 }), (source, cuts) => {
        expect(redactor(source)).toBe(fullScan(source));
        expect(streamed(redactor, source, cuts)).toBe(streamed(fullScan, source, cuts));
      }),
      { numRuns: 2000 },
    );
  });
});
