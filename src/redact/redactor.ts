import { encodedForms } from "./encodings.js";
import { withoutEscapeSequences } from "./escape-sequences.js";
import { LiteralIndex } from "./literals.js";
import { firstCandidate, type QuietState } from "./prefilter.js";
import { pairTable, scanSecrets, type OpenMark } from "./scan.js";
import { MIN_SECRET_VALUE_LENGTH, secretEnvValues, sortLongestFirst } from "./secret-env.js";

/** What replaces every secret. */
export const REDACTED = "***";

export interface RedactorOptions {
  /** The environment whose secret-looking variables' values are redacted literally. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** More literal values to redact (e.g. a token read from a file), any length ≥ 6. */
  readonly extraSecrets?: readonly string[];
}

/** Replaces secrets in text by `***`. Pure; safe to call on megabytes. */
export type Redact = (text: string) => string;

export interface FindOptions {
  /**
   * Whether `text` begins where the output began, so the patterns that match only there (the
   * rest of a key block a capture cut into) apply; default true.
   */
  readonly atStart?: boolean;
}

export interface OpenOptions extends FindOptions {
  /** How far back from the end a literal value may have begun. */
  readonly limit: number;
  /** A value's first characters count as open only from this many on (default 1). */
  readonly minPrefix?: number;
}

/** What `findOpen` reports. */
export interface FoundSoFar {
  readonly spans: number[];
  /**
   * The first place where a secret may have begun that text still to come can complete, or
   * `text.length`: a literal value the text ends inside of (line breaks skipped), a token
   * shape cut short by a line break that ends the text, a base64 run still open.
   */
  readonly open: number;
}

/** The cheap first look a stream redactor takes at each piece (see `prefilter.ts`). */
export interface StreamPrefilter {
  /** `firstCandidate` over this redactor's values and patterns. */
  readonly firstCandidate: (
    text: string,
    units: Uint8Array | Uint16Array,
    state: QuietState,
  ) => number;
  /** Where a literal value may have begun at the end of `text` (see `LiteralIndex.openTail`). */
  readonly openTail: (text: string, limit: number) => number;
}

/** A redactor that can also say where the secrets are, for callers that redact a stream. */
export interface Redactor extends Redact {
  /**
   * The secrets in `text` as sorted, disjoint `start, end` pairs (end exclusive). Terminal
   * escape sequences inside a secret are part of its span.
   */
  readonly find: (text: string, options?: FindOptions) => number[];
  /**
   * `find` for text that more text will follow (a stream so far), and where a secret may be
   * open at its end, looking back at most `limit` characters for a literal value.
   */
  readonly findOpen: (text: string, options: OpenOptions) => FoundSoFar;
  readonly prefilter: StreamPrefilter;
}

/**
 * Builds a redactor for the exact values of secret-looking environment variables and extra
 * secrets, each also in the encoded forms a step may print (base64 at every alignment, URL and
 * JSON escaping, hex), and for every known token shape (`SECRET_PATTERNS`). One linear pass per
 * text, after terminal escape sequences are set aside so they cannot split a secret.
 */
export function createRedactor(options: RedactorOptions): Redactor {
  const values = [
    ...secretEnvValues(options.env),
    ...(options.extraSecrets ?? []).filter((value) => value.length >= MIN_SECRET_VALUE_LENGTH),
  ];
  const literals = new LiteralIndex(
    sortLongestFirst([
      ...values,
      ...values.flatMap((value) => encodedForms(value, MIN_SECRET_VALUE_LENGTH)),
    ]),
  );
  const table = pairTable(literals);
  const findOpen = (text: string, options: FindOptions & Partial<OpenOptions>): FoundSoFar => {
    const clean = withoutEscapeSequences(text);
    const found: number[] = [];
    const open: OpenMark | undefined =
      options.limit === undefined
        ? undefined
        : { at: literals.openTail(clean.text, options.limit, options.minPrefix) };
    scanSecrets(clean.text, literals, table, found, {
      decodeBase64: true,
      atStart: options.atStart !== false,
      ...(open === undefined ? {} : { open }),
    });
    const origin = clean.origin;
    if (origin !== undefined) {
      for (let index = 0; index < found.length; index += 2) {
        found[index] = origin[found[index] ?? 0] ?? 0;
        found[index + 1] = (origin[(found[index + 1] ?? 1) - 1] ?? 0) + 1;
      }
    }
    // A secret inside a removed sequence (a window title) is redacted where it stands.
    for (const sequence of clean.removed ?? []) {
      const inner: number[] = [];
      scanSecrets(sequence.text, literals, table, inner, { decodeBase64: true, atStart: false });
      for (const offset of inner) found.push(sequence.at + offset);
    }
    const at = open?.at ?? clean.text.length;
    return {
      spans: mergeSpans(found),
      open: at >= clean.text.length ? text.length : (origin?.[at] ?? at),
    };
  };
  const find = (text: string, options: FindOptions = {}): number[] => findOpen(text, options).spans;
  const redact = (text: string): string =>
    text.length === 0 ? text : replaceSpans(text, find(text), 0, text.length);
  const prefilter: StreamPrefilter = {
    firstCandidate: (text, units, state) => firstCandidate(text, units, state, literals, table),
    openTail: (text, limit) => literals.openTail(text, limit),
  };
  return Object.assign(redact, { find, findOpen, prefilter });
}

/** Sorted, disjoint spans from unsorted, possibly overlapping or touching ones. */
function mergeSpans(spans: number[]): number[] {
  if (spans.length <= 2) return spans;
  const order = Array.from({ length: spans.length / 2 }, (_, pair) => pair).sort(
    (a, b) => (spans[a * 2] ?? 0) - (spans[b * 2] ?? 0),
  );
  const merged: number[] = [];
  for (const pair of order) {
    const start = spans[pair * 2] ?? 0;
    const end = spans[pair * 2 + 1] ?? 0;
    const last = merged.length - 1;
    if (last > 0 && start <= (merged[last] ?? 0)) merged[last] = Math.max(merged[last] ?? 0, end);
    else merged.push(start, end);
  }
  return merged;
}

/**
 * `text.slice(from, to)` with every span (from `find`) replaced by `***`; spans reaching outside
 * `from`…`to` are cut to it.
 */
export function replaceSpans(
  text: string,
  spans: readonly number[],
  from: number,
  to: number,
): string {
  let result = "";
  let at = from;
  for (let index = 0; index < spans.length; index += 2) {
    const start = Math.max(spans[index] ?? 0, from);
    const end = Math.min(spans[index + 1] ?? 0, to);
    if (end <= at || start >= to) continue;
    result += text.slice(at, Math.max(start, at)) + REDACTED;
    at = end;
  }
  return at === from ? text.slice(from, to) : result + text.slice(at, to);
}
