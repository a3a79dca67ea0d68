import { wait } from "../../gate/wait.js";

/** One call's turn under a pacing key, from {@link Pacer.turn}. */
export interface PacedTurn {
  /** `Date.now()` before which the call must not be sent. */
  readonly notBefore: number;
  /**
   * Ends the turn and lets the next call of the key go. `sent`: a request went out and its
   * answer (or failure) is back, so the next call waits the key's interval from now.
   */
  end(sent: boolean): void;
}

/**
 * Spaces calls that share a key (one channel's posts, the process's thread reads): they run one
 * at a time, in the order they asked, and each is sent at least `everyMs` after the previous one
 * *completed*. Spacing from completion rather than from sending keeps the gaps Slack sees at
 * least `everyMs` even when an earlier request reached Slack late.
 */
export class Pacer {
  readonly #keys = new Map<string, { tail: Promise<void>; readyAt: number }>();

  /**
   * Waits until the previous call of `key` has ended, then hands out this call's turn; resolves
   * `undefined` (taking no turn) if that does not happen by `deadline`. Rejects with the signal's
   * reason if it aborts first.
   */
  async turn(
    key: string,
    everyMs: number,
    deadline: number,
    signal?: AbortSignal,
  ): Promise<PacedTurn | undefined> {
    const state = this.#keys.get(key) ?? { tail: Promise.resolve(), readyAt: 0 };
    this.#keys.set(key, state);
    const previous = state.tail;
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    // The next caller waits for this one and for every caller before it, even one that gave up.
    state.tail = previous.then(() => mine);
    const timer = new AbortController();
    const onAbort = (): void => timer.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (signal?.aborted === true) throw signal.reason;
      const turnCame = await Promise.race([
        previous.then(() => true),
        wait(deadline - Date.now(), timer.signal).then(() => false),
      ]);
      if (!turnCame) {
        release();
        return undefined;
      }
    } catch (error) {
      release();
      throw error;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      timer.abort(new Error("turn settled"));
    }
    let ended = false;
    return {
      notBefore: state.readyAt,
      end: (sent) => {
        if (ended) return;
        ended = true;
        if (sent) state.readyAt = Date.now() + everyMs;
        release();
      },
    };
  }
}
