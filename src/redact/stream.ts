import { replaceSpans, type Redactor } from "./redactor.js";

/**
 * Longest secret always seen whole when a stream cuts it: a partial line longer than this is
 * passed on except for its last `CARRY_CHARS`, which wait for the next chunk.
 */
export const CARRY_CHARS = 4096;
/** Text already passed on that is searched again with the next chunk, as a secret's context. */
const CONTEXT_CHARS = 1024;
/** A secret still open at the end of the text (a key block) is held back up to this much. */
const MAX_HELD_CHARS = 4 * CARRY_CHARS;

/**
 * Redacts a text stream that arrives in arbitrary pieces (pipe reads, 64 KiB at a time) before
 * any of it is passed on. Complete lines go out at once; the unfinished last line waits, and
 * when it grows past {@link CARRY_CHARS} only its older part goes out, never cutting through a
 * secret that was found. The last {@link CONTEXT_CHARS} already passed on are searched again
 * with the next piece, so context before a cut (`password=`, a key's BEGIN line) still counts
 * and the part of a secret after the cut is redacted. Memory stays bounded.
 */
export class StreamRedactor {
  readonly #redactor: Redactor;
  /** Raw text not yet passed on. */
  #pending = "";
  /** The end of the raw text already passed on. */
  #context = "";

  constructor(redactor: Redactor) {
    this.#redactor = redactor;
  }

  /** The redacted text that can be passed on now (possibly empty). */
  push(text: string): string {
    const pending = this.#pending + text;
    let cut = pending.lastIndexOf("\n") + 1;
    if (pending.length - cut > CARRY_CHARS) cut = pending.length - CARRY_CHARS;
    if (cut === 0) {
      this.#pending = pending;
      return "";
    }
    const whole = this.#context + pending;
    const offset = this.#context.length;
    const spans = this.#redactor.find(whole);
    cut = offset + cut;
    for (let index = 0; index < spans.length; index += 2) {
      const start = spans[index] ?? 0;
      const end = spans[index + 1] ?? 0;
      if (start >= cut || end <= cut) continue;
      // A secret across the cut: wait for the rest unless it is still open and too long to hold.
      const open = end === whole.length;
      cut = open && whole.length - start <= MAX_HELD_CHARS ? Math.max(start, offset) : end;
    }
    return this.#emit(whole, spans, offset, cut);
  }

  /** Everything still held, redacted (the stream ended). */
  flush(): string {
    const whole = this.#context + this.#pending;
    const out = this.#emit(whole, this.#redactor.find(whole), this.#context.length, whole.length);
    this.#context = "";
    return out;
  }

  #emit(whole: string, spans: readonly number[], offset: number, cut: number): string {
    this.#pending = whole.slice(cut);
    this.#context = whole.slice(Math.max(0, cut - CONTEXT_CHARS), cut);
    return replaceSpans(whole, spans, offset, cut);
  }
}
