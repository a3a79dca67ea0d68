/** 0 for the bytes that print as themselves (printable ASCII and tab); a line feed ends a line. */
const STOP = new Uint8Array(256).fill(1);
STOP.fill(0, 0x20, 0x7f);
STOP[9] = 0;

/** What each line is framed with: UTF-8 bytes before it and after it (`after` ends in `\n`). */
export interface LineFrame {
  readonly before: Uint8Array;
  readonly after: Uint8Array;
}

/**
 * Complete lines of plain ASCII (`text` ends in a line feed; printable characters and tabs
 * only, no line longer than `maxLine`) framed line by line, as the UTF-8 bytes to write; or
 * `undefined` for any other text, which then takes the general path (decoding, escaping,
 * cutting long lines). Text like this needs no escaping at all, so it is framed in one pass
 * over its bytes, without a regular expression, a replacement string or a re-encoding: most of
 * what a step prints is like this (bench/run, `yes`).
 */
export function frameAsciiLines(
  text: string,
  frame: LineFrame,
  maxLine: number,
): Buffer | undefined {
  if (!text.endsWith("\n") || Buffer.byteLength(text, "utf8") !== text.length) return undefined;
  const bytes = Buffer.from(text, "latin1");
  // At most every byte ends a line; the frames go to scratch space, and what was written is
  // copied out at its size (a worst-case buffer per read kept several times the memory alive).
  const need = bytes.length * (1 + frame.before.length + frame.after.length);
  if (scratch.length < need) scratch = new Uint8Array(need);
  const written = frameInto(bytes, scratch, frame.before, frame.after, maxLine);
  return written === -1 ? undefined : Buffer.from(scratch.subarray(0, written));
}

/** Where lines are framed before they are copied out; it grows to the largest read. */
let scratch = new Uint8Array(0);

/**
 * The loop of {@link frameAsciiLines} on its own, over typed arrays only, so that it stays
 * optimised from call to call: how many bytes it wrote to `out`, or -1. Line by line, with one
 * table lookup a byte to find the line's end or a byte that is not plain.
 */
function frameInto(
  bytes: Uint8Array,
  out: Uint8Array,
  before: Uint8Array,
  after: Uint8Array,
  maxLine: number,
): number {
  const stop = STOP;
  let written = 0;
  let at = 0;
  while (at < bytes.length) {
    for (let index = 0; index < before.length; index++) out[written++] = before[index] ?? 0;
    const lineStart = at;
    let byte = bytes[at] ?? 10;
    while (stop[byte] === 0) {
      out[written++] = byte;
      byte = bytes[++at] ?? 10;
    }
    if (byte !== 10 || at - lineStart > maxLine) return -1;
    for (let index = 0; index < after.length; index++) out[written++] = after[index] ?? 0;
    at++;
  }
  return written;
}
