import type { Redact } from "../redact/redactor.js";
import type { OutputExcerpt } from "./records.js";

/** Most characters kept of an output head and of its tail, after redaction. */
export const EXCERPT_MAX_CHARS = 4096;

/**
 * Keys whose values are digests the tool computed. They are kept verbatim when they look like
 * one (64 hex digits): redacting inside a digest would only corrupt it.
 */
const DIGEST_KEYS: ReadonlySet<string> = new Set(["stepHash", "sha256", "hash"]);
const HEX_DIGEST = /^[0-9a-f]{64}$/;

/**
 * A deep copy of a payload with every string redacted and made well-formed (a lone surrogate
 * would make the record impossible to canonicalise).
 */
export function scrubValue<T>(value: T, redact: Redact, key?: string): T {
  if (typeof value === "string") {
    if (key !== undefined && DIGEST_KEYS.has(key) && HEX_DIGEST.test(value)) return value;
    return redact(toWellFormed(value)) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => scrubValue(item, redact)) as T;
  }
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = scrubValue(v, redact, k);
    return copy as T;
  }
  return value;
}

/**
 * Caps an already redacted excerpt. Redacting first and cutting second means a token the
 * caller's own capture cut in half sits beyond the cut and never reaches the log: callers
 * should capture up to twice {@link EXCERPT_MAX_CHARS} of head and tail.
 */
export function capExcerpt(output: OutputExcerpt): OutputExcerpt {
  // Output kept whole arrives as one head: its end becomes the tail, cut here after redaction.
  const whole = output.tail === "" && output.head.length > EXCERPT_MAX_CHARS;
  const fullTail = whole ? output.head.slice(EXCERPT_MAX_CHARS) : output.tail;
  // A cut can split a surrogate pair; the half left over becomes U+FFFD.
  const head = toWellFormed(output.head.slice(0, EXCERPT_MAX_CHARS));
  const tail = toWellFormed(
    fullTail.length > EXCERPT_MAX_CHARS ? fullTail.slice(-EXCERPT_MAX_CHARS) : fullTail,
  );
  const cut = head.length + tail.length < output.head.length + output.tail.length;
  return { ...output, head, tail, truncated: output.truncated || cut };
}

function toWellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, "\uFFFD");
}
