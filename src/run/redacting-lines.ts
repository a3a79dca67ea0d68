import { TextDecoder } from "node:util";
import type { OutputStream } from "../execute/types.js";
import type { Redact } from "../redact/redactor.js";

/** A partial line longer than this is passed on anyway, so one endless line cannot grow memory. */
const MAX_PENDING_CHARS = 8_192;

/**
 * Redacts a step's live output before it reaches the terminal. Secrets are matched per complete
 * line (a token split across two chunks is still caught); bytes are decoded leniently.
 */
export class RedactingLines {
  readonly #redact: Redact;
  readonly #emit: (text: string, stream: OutputStream) => void;
  readonly #state: Record<OutputStream, { decoder: TextDecoder; pending: string }> = {
    stdout: { decoder: new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }), pending: "" },
    stderr: { decoder: new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }), pending: "" },
  };

  constructor(redact: Redact, emit: (text: string, stream: OutputStream) => void) {
    this.#redact = redact;
    this.#emit = emit;
  }

  push(chunk: Uint8Array, stream: OutputStream): void {
    const state = this.#state[stream];
    const text = state.pending + state.decoder.decode(chunk, { stream: true });
    const cut = text.length > MAX_PENDING_CHARS ? text.length : text.lastIndexOf("\n") + 1;
    state.pending = text.slice(cut);
    if (cut > 0) this.#emit(this.#redact(text.slice(0, cut)), stream);
  }

  /** Passes on what is left of both streams (at the end of a step). */
  flush(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.#state[stream];
      const rest = state.pending + state.decoder.decode();
      state.pending = "";
      if (rest !== "") this.#emit(this.#redact(rest), stream);
    }
  }
}
