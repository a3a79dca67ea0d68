import { escapeControlChars } from "./escape/terminal.js";

/** A partial line longer than this is printed anyway, so one endless line cannot grow memory. */
export const MAX_LINE_CHARS = 4_096;

/**
 * Turns a stream of output bytes into complete, escaped lines. Decoding is lenient and
 * stateful, so a character split across chunks stays whole; a CR at a chunk's end waits for
 * the next chunk in case it is half of a CRLF. Lines come out as one block of text joined by
 * `\n`, not one string each: a step may print millions of them.
 */
export class LineAssembler {
  readonly #decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  #pending = "";

  /** True when no part of a line is held: the next chunk starts a line. */
  get empty(): boolean {
    return this.#pending === "";
  }

  /** The complete lines this chunk finished, joined by `\n` without a final one; or none. */
  push(chunk: Uint8Array | string): string | undefined {
    const text = typeof chunk === "string" ? chunk : this.#decoder.decode(chunk, { stream: true });
    let joined = this.#pending + text;
    const heldCr = joined.endsWith("\r");
    if (heldCr) joined = joined.slice(0, -1);
    const escaped = escapeControlChars(joined, "newline");
    const last = escaped.lastIndexOf("\n");
    let block = last === -1 ? undefined : escaped.slice(0, last);
    let rest = escaped.slice(last + 1);
    while (rest.length > MAX_LINE_CHARS) {
      const piece = rest.slice(0, MAX_LINE_CHARS);
      block = block === undefined ? piece : `${block}\n${piece}`;
      rest = rest.slice(MAX_LINE_CHARS);
    }
    this.#pending = heldCr ? `${rest}\r` : rest;
    return block;
  }

  /** The unfinished last line, if any, and a fresh start. */
  flush(): string | undefined {
    const rest = escapeControlChars(this.#pending + this.#decoder.decode(), "newline").replace(
      /\n$/,
      "",
    );
    this.#pending = "";
    return rest === "" ? undefined : rest;
  }
}
