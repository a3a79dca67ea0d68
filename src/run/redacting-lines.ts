import type { OutputStream } from "../execute/types.js";
import type { Redactor } from "../redact/redactor.js";
import { StreamRedactor } from "../redact/stream.js";
import { OutputDecoder } from "./output-decoder.js";

/**
 * Redacts a step's live output before it reaches the terminal, each stream on its own. Secrets
 * are found before the text is split (`StreamRedactor`): a secret cut by a pipe read, in a long
 * line or not, is still caught. Bytes are decoded leniently.
 */
export class RedactingLines {
  readonly #emit: (text: string, stream: OutputStream) => void;
  readonly #state: Record<OutputStream, { decoder: OutputDecoder; redactor: StreamRedactor }>;

  constructor(redactor: Redactor, emit: (text: string, stream: OutputStream) => void) {
    this.#emit = emit;
    const state = (): { decoder: OutputDecoder; redactor: StreamRedactor } => ({
      decoder: new OutputDecoder(),
      redactor: new StreamRedactor(redactor),
    });
    this.#state = { stdout: state(), stderr: state() };
  }

  push(chunk: Uint8Array, stream: OutputStream): void {
    const state = this.#state[stream];
    const decoded = state.decoder.decode(chunk);
    const text = state.redactor.push(decoded, state.decoder.ascii ? chunk : undefined);
    if (text !== "") this.#emit(text, stream);
  }

  /** Passes on what is left of both streams (at the end of a step). */
  flush(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.#state[stream];
      const rest = state.redactor.push(state.decoder.end()) + state.redactor.flush();
      if (rest !== "") this.#emit(rest, stream);
    }
  }
}
