/** One line of a log file: its bytes (without the newline), where they start, and their text. */
export interface RawLine {
  /** 1-based line number. */
  readonly line: number;
  /** Byte offset of the line's first byte in the file. */
  readonly offset: number;
  readonly bytes: Uint8Array;
  /** The bytes decoded as UTF-8, bad sequences as U+FFFD (the canonical check then fails them). */
  readonly text: string;
}

export interface SplitLog {
  readonly lines: readonly RawLine[];
  /** False when the last line has no newline (a torn write, or a file cut short). */
  readonly endsWithNewline: boolean;
}

const NEWLINE = 0x0a;

/**
 * Splits a log's bytes at every line feed. Nothing else is stripped (no BOM, no CR): the bytes
 * of each line are what the verifier holds against the canonical form.
 */
export function splitLogLines(data: Uint8Array): SplitLog {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const lines: RawLine[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    const slice = bytes.subarray(start, stop);
    lines.push({
      line: lines.length + 1,
      offset: start,
      bytes: slice,
      text: slice.toString("utf8"),
    });
    if (end === -1) return { lines, endsWithNewline: false };
    start = end + 1;
  }
  return { lines, endsWithNewline: true };
}
