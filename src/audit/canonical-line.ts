import { recordLine } from "./hash.js";
import type { LoggedRecord } from "./parse-record.js";
import type { RawLine } from "./log-lines.js";

/** Where a line's bytes leave its canonical form, and what the canonical form has there. */
export interface NotCanonical {
  /** Byte offset in the file of the first byte that differs. */
  readonly offset: number;
  readonly message: string;
}

/** How many bytes either side of a difference the message quotes. */
const QUOTE_BYTES = 16;

/**
 * Holds a line's bytes against the one valid spelling of the record a parser read from it: the
 * canonical (RFC 8785) JSON of its body, then `hash` and `mac`. Duplicate keys, another number
 * form (`7.0`, `1e0`, `-0`), escaped characters, a BOM, CR, spaces or invalid UTF-8 all make
 * the bytes differ, so no reader can see content other than what was hashed.
 */
export function checkCanonicalLine(
  raw: RawLine,
  record: LoggedRecord,
  canonicalBody: string,
): NotCanonical | undefined {
  const expected = Buffer.from(recordLine(canonicalBody, record.hash, record.mac), "utf8");
  const actual = raw.bytes;
  if (expected.equals(actual)) return undefined;
  const at = firstDifference(expected, actual);
  const offset = raw.offset + at;
  return {
    offset,
    message:
      `line ${raw.line} is not canonical at byte ${offset} (byte ${at} of the line): it has ` +
      `${quote(actual, at)} where the canonical form (RFC 8785, then \`hash\` and \`mac\`) has ` +
      `${quote(expected, at)}; another reader could see content that was not hashed`,
  };
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) if (a[index] !== b[index]) return index;
  return length;
}

/** A few bytes from `at`, every character outside printable ASCII as a `\u` escape. */
function quote(bytes: Uint8Array, at: number): string {
  if (at >= bytes.length) return "the end of the line";
  const text = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + at,
    Math.min(QUOTE_BYTES, bytes.length - at),
  ).toString("utf8");
  const shown = text.replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `\`${shown.replaceAll("`", "\\u0060")}\``;
}
