import { encodedForms } from "./encodings.js";
import { withoutEscapeSequences } from "./escape-sequences.js";
import { LiteralIndex } from "./literals.js";
import { pairTable, scanSecrets } from "./scan.js";
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

/** A redactor that can also say where the secrets are, for callers that redact a stream. */
export interface Redactor extends Redact {
  /**
   * The secrets in `text` as sorted, disjoint `start, end` pairs (end exclusive). Terminal
   * escape sequences inside a secret are part of its span.
   */
  readonly find: (text: string) => number[];
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
  const find = (text: string): number[] => {
    const clean = withoutEscapeSequences(text);
    const found: number[] = [];
    scanSecrets(clean.text, literals, table, found, { decodeBase64: true });
    const origin = clean.origin;
    if (origin !== undefined) {
      for (let index = 0; index < found.length; index += 2) {
        found[index] = origin[found[index] ?? 0] ?? 0;
        found[index + 1] = (origin[(found[index + 1] ?? 1) - 1] ?? 0) + 1;
      }
    }
    return mergeSpans(found);
  };
  const redact = (text: string): string =>
    text.length === 0 ? text : replaceSpans(text, find(text), 0, text.length);
  return Object.assign(redact, { find });
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
