import type { OutputStream } from "../execute/types.js";
import type { Redactor } from "../redact/redactor.js";
import { StreamRedactor } from "../redact/stream.js";
import { OutputDecoder } from "./output-decoder.js";

/** How long a step stays quiet before held lines that may begin a secret are looked at again. */
export const QUIET_SPELL_MS = 200;

/**
 * Redacts a step's live output before it reaches the terminal, each stream on its own. Secrets
 * are found before the text is split (`StreamRedactor`): a secret cut by a pipe read, in a long
 * line or not, is still caught. Bytes are decoded leniently. Lines held back because their end
 * may begin a secret are looked at again after {@link QUIET_SPELL_MS} without output
 * (`StreamRedactor.release`), so an ordinary line that merely ends like a value begins is not
 * kept from the operator until the step prints again.
 */
export class RedactingLines {
  readonly #emit: (text: string, stream: OutputStream) => void;
  readonly #state: Record<OutputStream, { decoder: OutputDecoder; redactor: StreamRedactor }>;
  #timer: NodeJS.Timeout | undefined;

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
    this.#watch();
  }

  /** Passes on what a quiet spell lets go of (see `StreamRedactor.release`). */
  release(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      const text = this.#state[stream].redactor.release();
      if (text !== "") this.#emit(text, stream);
    }
  }

  /** Passes on what is left of both streams (at the end of a step). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const stream of ["stdout", "stderr"] as const) {
      const state = this.#state[stream];
      const rest = state.redactor.push(state.decoder.end()) + state.redactor.flush();
      if (rest !== "") this.#emit(rest, stream);
    }
  }

  /** (Re)starts the quiet-spell timer while lines are held; output restarts it. */
  #watch(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#state.stdout.redactor.holdsLines && !this.#state.stderr.redactor.holdsLines) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.release();
    }, QUIET_SPELL_MS);
    this.#timer.unref();
  }
}
