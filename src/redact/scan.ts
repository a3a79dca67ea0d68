import { charClass, inClass } from "./chars.js";
import type { LiteralIndex } from "./literals.js";
import { codeUnits, firstCandidate, freshQuietState, type QuietState } from "./prefilter.js";
import type { SecretPattern } from "./patterns.js";
import { BASE64, LITERAL, MIN_BASE64_RUN, PATTERNS, SHAPE, TRIGGERS } from "./triggers.js";

export { pairTable } from "./triggers.js";

/** Where a secret may have begun that text after the end could complete: its first index. */
export interface OpenMark {
  at: number;
}

export interface ScanOptions {
  /** Decode base64 runs and look inside (one level deep). */
  readonly decodeBase64: boolean;
  /** Try the patterns that match only at the start of a text (default true). */
  readonly atStart?: boolean;
  /**
   * Set to the first place where a match ran into the end of the text undecided: a token cut
   * short where the text ends in a line break (it may go on after it), a base64 run still open.
   */
  readonly open?: OpenMark;
}

/**
 * First characters a base64 run can have when it encodes text (a printable or whitespace byte
 * at its start): this keeps the decoder off paths and words.
 */
const TEXT_BASE64_START = charClass("C-Za-f");
/** Line widths at which encoders wrap base64 (`base64`, PEM): a run goes on past these only. */
const WRAP_WIDTHS: ReadonlySet<number> = new Set([64, 76]);

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
  options: ScanOptions,
): void {
  const resume = new Int32Array(PATTERNS.length);
  for (const [index, pattern] of PATTERNS.entries()) {
    if (pattern.atStart === true && options.atStart !== false) {
      record(pattern.match(text, 0), index, resume, out, options.open);
    }
  }
  const from = quietLines(text, literals, table);
  if (from < text.length) scanFrom(text, from, literals, table, resume, out, options);
}

/**
 * Where the full scan has to start: the start of the line holding the first place the
 * prefilter ({@link firstCandidate}) finds; `text.length` when there is none. Before that line
 * the full scan would find nothing and carry no state but the last character.
 */
export function quietLines(text: string, literals: LiteralIndex, table: Uint8Array): number {
  const state: QuietState = freshQuietState();
  const at = firstCandidate(text, codeUnits(text), state, literals, table);
  return at === -1 ? text.length : text.lastIndexOf("\n", at) + 1;
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
  options: ScanOptions,
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
          record(pattern.match(text, previousAt), trigger.pattern, resume, out, options.open);
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
  if (runStart === -1) return;
  // A run reaching the end may go on: the text ends inside it or after a full wrapped line.
  if (options.open !== undefined) options.open.at = Math.min(options.open.at, runStart);
  if (options.decodeBase64) scanBase64Run(text, runStart, text.length, literals, table, out);
}

function record(
  outcome: ReturnType<SecretPattern["match"]>,
  pattern: number,
  resume: Int32Array,
  out: number[],
  open: OpenMark | undefined,
): void {
  if ("skipTo" in outcome) {
    resume[pattern] = outcome.skipTo;
    if (outcome.open !== undefined && open !== undefined) open.at = Math.min(open.at, outcome.open);
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
