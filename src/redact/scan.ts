import { charClass, inClass } from "./chars.js";
import { pairKey, type LiteralIndex } from "./literals.js";
import { SECRET_PATTERNS, type SecretPattern } from "./patterns.js";

const PATTERNS: readonly SecretPattern[] = SECRET_PATTERNS;

interface Trigger {
  readonly pattern: number;
  readonly text: string;
}

/** Every pattern's triggers by their first two characters, and the table of those pairs. */
const TRIGGERS = new Map<number, Trigger[]>();
const TRIGGER_PAIRS = new Uint8Array(0x10000);
PATTERNS.forEach((pattern, index) => {
  for (const text of pattern.triggers) {
    const key = pairKey(text.charCodeAt(0), text.charCodeAt(1));
    TRIGGER_PAIRS[key] = 1;
    const list = TRIGGERS.get(key) ?? [];
    list.push({ pattern: index, text });
    TRIGGERS.set(key, list);
  }
});

/** Flags in the scanner's pair table. */
const SHAPE = 1;
const LITERAL = 2;

/** Standard base64 (padding ends a run; line breaks do not, so wrapped output is one run). */
const BASE64 = charClass("A-Za-z0-9+/");
/**
 * First characters a base64 run can have when it encodes text (a printable or whitespace byte
 * at its start): this keeps the decoder off paths and words.
 */
const TEXT_BASE64_START = charClass("C-Za-f");
/** Line widths at which encoders wrap base64 (`base64`, PEM): a run goes on past these only. */
const WRAP_WIDTHS: ReadonlySet<number> = new Set([64, 76]);
/** Shortest base64 run decoded to look for secrets inside (18 bytes of text). */
const MIN_BASE64_RUN = 24;

/** The pair table for a literal index: where a shape trigger or a literal value may start. */
export function pairTable(literals: LiteralIndex): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let key = 0; key < table.length; key++) {
    table[key] = (TRIGGER_PAIRS[key] === 1 ? SHAPE : 0) | (literals.pairs[key] === 1 ? LITERAL : 0);
  }
  return table;
}

/**
 * Finds secrets in `text` in one pass and appends their spans (`start, end` pairs, unsorted,
 * possibly overlapping) to `out`. Per character it looks up one table; triggers and literal
 * candidates are checked where the table says so, and each pattern skips the triggers its last
 * attempt already ruled out, so the work stays linear in the text. Base64 runs that encode text
 * are decoded and searched in turn (one level deep): a secret printed as base64 (`kubectl get
 * secret -o yaml`, `base64 /proc/…/environ`) redacts the whole run. Most output holds nothing
 * of this: the lines before the first real candidate ({@link quietLines}) are skipped.
 */
export function scanSecrets(
  text: string,
  literals: LiteralIndex,
  table: Uint8Array,
  out: number[],
  options: { readonly decodeBase64: boolean },
): void {
  const resume = new Int32Array(PATTERNS.length);
  for (const [index, pattern] of PATTERNS.entries()) {
    if (pattern.atStart === true) record(pattern.match(text, 0), index, resume, out);
  }
  const from = quietLines(text, literals, table);
  if (from < text.length) scanFrom(text, from, literals, table, resume, out, options);
}

/** What `quietLines` needs to know of a character, by UTF-16 code unit. */
const IN_RUN = 1;
const LINE_BREAK = 2;
const KIND = new Uint8Array(0x10000);
BASE64.forEach((member, code) => (KIND[code] = member === 1 ? IN_RUN : 0));
KIND[10] = LINE_BREAK;
KIND[13] = IN_RUN | LINE_BREAK;

/**
 * Where the full scan has to start: the start of the line holding the first place where a
 * trigger or a literal really starts, or where {@link MIN_BASE64_RUN} characters of base64 (or
 * CR) stand together; `text.length` when there is none. Before that line the full scan would
 * find nothing and carry no state but the last character: every span it reports begins at a
 * trigger or a literal whose first two characters the pair table flags and whose text is
 * there, or is a base64 run, which holds at least that many such characters in a row (a run
 * goes on past a line feed only after a full line of 64 or 76). Two table lookups a character
 * and none of the full scan's bookkeeping: this loop is most of the time redaction takes.
 */
export function quietLines(text: string, literals: LiteralIndex, table: Uint8Array): number {
  const kind = KIND;
  const length = text.length;
  let previous = 0;
  let previousAt = -1;
  let run = 0;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    const what = kind[code] ?? 0;
    run = (what & IN_RUN) === 0 ? 0 : run + 1;
    if (run >= MIN_BASE64_RUN) return lineStart(text, at);
    if ((what & LINE_BREAK) !== 0) continue;
    const key = ((previous << 7) | code) & 0xffff;
    if (
      previousAt !== -1 &&
      table[key] !== 0 &&
      isCandidate(text, previousAt, at, key, literals, table)
    ) {
      return lineStart(text, previousAt);
    }
    previous = code;
    previousAt = at;
  }
  return length;
}

/** Whether a trigger or a literal the pair table flagged at `first`, `second` is really there. */
function isCandidate(
  text: string,
  first: number,
  second: number,
  key: number,
  literals: LiteralIndex,
  table: Uint8Array,
): boolean {
  const flags = table[key] ?? 0;
  const shape =
    (flags & SHAPE) !== 0 &&
    first === second - 1 &&
    (TRIGGERS.get(key) ?? []).some((trigger) => text.startsWith(trigger.text, first));
  return shape || ((flags & LITERAL) !== 0 && literals.matchAt(text, first, second) !== -1);
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at) + 1;
}

/**
 * The full scan from `from`, a line start before which nothing was found (`quietLines`), or 0.
 * Exported so tests can hold the skipping scan to the full one.
 */
export function scanFrom(
  text: string,
  from: number,
  literals: LiteralIndex,
  table: Uint8Array,
  resume: Int32Array,
  out: number[],
  options: { readonly decodeBase64: boolean },
): void {
  // The loop reads only locals: calls through module bindings cost more than the work here.
  const base64 = BASE64;
  const shapeTriggers = TRIGGERS;
  // Nothing before `from` can pair with what follows: `quietLines` checked those pairs.
  let previous = -1;
  let previousAt = -1;
  let runStart = -1;
  let runLineStart = from;
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) {
      // Literals go on across line breaks; a base64 run only where `base64` or PEM wraps it.
      if (code === 13) continue;
      const width = at - runLineStart - (text.charCodeAt(at - 1) === 13 ? 1 : 0);
      if (runStart !== -1 && !WRAP_WIDTHS.has(width)) {
        if (options.decodeBase64) scanBase64Run(text, runStart, at, literals, table, out);
        runStart = -1;
      }
      runLineStart = at + 1;
      continue;
    }
    if (code < 128 && base64[code] === 1) {
      if (runStart === -1) {
        runStart = at;
        runLineStart = at;
      }
    } else if (runStart !== -1) {
      if (options.decodeBase64) scanBase64Run(text, runStart, at, literals, table, out);
      runStart = -1;
    }
    const key = ((previous << 7) | code) & 0xffff;
    const flags = previousAt === -1 ? 0 : (table[key] ?? 0);
    if (flags !== 0) {
      if ((flags & SHAPE) !== 0 && previousAt === at - 1) {
        for (const trigger of shapeTriggers.get(key) ?? []) {
          const pattern = PATTERNS[trigger.pattern];
          if (pattern === undefined || previousAt < (resume[trigger.pattern] ?? 0)) continue;
          if (!text.startsWith(trigger.text, previousAt)) continue;
          record(pattern.match(text, previousAt), trigger.pattern, resume, out);
        }
      }
      if ((flags & LITERAL) !== 0) {
        const end = literals.matchAt(text, previousAt, at);
        if (end !== -1) out.push(previousAt, end);
      }
    }
    previous = code;
    previousAt = at;
  }
  if (runStart !== -1 && options.decodeBase64) {
    scanBase64Run(text, runStart, text.length, literals, table, out);
  }
}

function record(
  outcome: ReturnType<SecretPattern["match"]>,
  pattern: number,
  resume: Int32Array,
  out: number[],
): void {
  if ("skipTo" in outcome) {
    resume[pattern] = outcome.skipTo;
    return;
  }
  out.push(outcome.start, outcome.end);
  resume[pattern] = outcome.end;
}

function scanBase64Run(
  text: string,
  start: number,
  end: number,
  literals: LiteralIndex,
  table: Uint8Array,
  out: number[],
): void {
  let stop = end;
  while (stop > start && (text[stop - 1] === "\n" || text[stop - 1] === "\r")) stop--;
  if (stop - start < MIN_BASE64_RUN || !inClass(TEXT_BASE64_START, text.charCodeAt(start))) return;
  const decoded = Buffer.from(text.slice(start, stop), "base64");
  if (!isMostlyText(decoded)) return;
  const inner: number[] = [];
  scanSecrets(decoded.toString("utf8"), literals, table, inner, { decodeBase64: false });
  if (inner.length === 0) return;
  while (text[stop] === "=") stop++;
  out.push(start, stop);
}

/** At most one byte in twenty is a control character other than tab, line breaks and NUL. */
function isMostlyText(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0 && byte !== 9 && byte !== 10 && byte !== 13) || byte === 0x7f)
      controls++;
  }
  return controls * 20 <= bytes.length;
}
