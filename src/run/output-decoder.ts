import { isAscii } from "node:buffer";
import { TextDecoder } from "node:util";

/**
 * Decodes a stream of output bytes as UTF-8, leniently (invalid bytes become U+FFFD, a byte-order
 * mark stays data) and statefully, so a character split between two reads stays whole. A read
 * that is all ASCII while no character is half-read is copied as it is, without the decoder:
 * the same text at a fraction of the cost, and most output is like that.
 */
export class OutputDecoder {
  readonly #decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
  /** False while the decoder may hold the first bytes of a character. */
  #clean = true;
  #ascii = false;

  /** True when the last chunk decoded was ASCII and its text is its bytes, one character each. */
  get ascii(): boolean {
    return this.#ascii;
  }

  decode(chunk: Uint8Array): string {
    this.#ascii = false;
    if (chunk.length === 0) return "";
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.#ascii = this.#clean && isAscii(bytes);
    const text = this.#ascii
      ? bytes.toString("latin1")
      : this.#decoder.decode(bytes, { stream: true });
    // After an ASCII byte the decoder holds nothing: a character's bytes are all above 0x7F.
    this.#clean = (bytes[bytes.length - 1] ?? 0) < 0x80;
    return text;
  }

  /** What the decoder still holds (an unfinished character becomes U+FFFD), and a fresh start. */
  end(): string {
    this.#clean = true;
    return this.#decoder.decode();
  }
}
