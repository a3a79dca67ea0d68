import { escapeControlChars } from "./escape/terminal.js";

/** A partial line longer than this is printed anyway, so one endless line cannot grow memory. */
export const MAX_LINE_CHARS = 4_096;

/**
 * Turns a stream of output bytes into complete, escaped lines. Decoding is lenient and
 * stateful, so a character split across chunks stays whole; a CR at a chunk's end waits for
 * the next chunk in case it is half of a CRLF.
 */
export class LineAssembler {
  readonly #decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  #pending = "";

  /** The complete lines this chunk finished, without their newlines. */
  push(chunk: Uint8Array | string): string[] {
    const text = typeof chunk === "string" ? chunk : this.#decoder.decode(chunk, { stream: true });
    let joined = this.#pending + text;
    const heldCr = joined.endsWith("\r");
    if (heldCr) joined = joined.slice(0, -1);
    const lines = escapeControlChars(joined, "newline").split("\n");
    let rest = lines.pop() ?? "";
    while (rest.length > MAX_LINE_CHARS) {
      lines.push(rest.slice(0, MAX_LINE_CHARS));
      rest = rest.slice(MAX_LINE_CHARS);
    }
    this.#pending = heldCr ? `${rest}\r` : rest;
    return lines;
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
