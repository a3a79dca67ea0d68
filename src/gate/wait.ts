import { timerDelay } from "../execute/timer.js";

/**
 * Waits `ms` (a negative wait is none); rejects with the signal's reason as soon as it aborts,
 * so a withdrawn or interrupted request never sits out a poll interval or a `Retry-After`.
 */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted === true) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, timerDelay(ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
