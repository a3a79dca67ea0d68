import type { Interface } from "node:readline";
import { formatDuration } from "../../present/format.js";

/** `45s`, `14m 59s`: whole seconds, rounded up, so it never reads 0s while time is left. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1_000));
  return seconds < 60 ? `${seconds}s` : formatDuration(seconds * 1_000);
}

/** `Run this step? [y/N] ` → `Run this step? [y/N] (14m 59s left) `. */
export function withTimeLeft(prompt: string, ms: number): string {
  return `${prompt.trimEnd()} (${formatTimeLeft(ms)} left) `;
}

/**
 * Asks `prompt` on `rl` with the time left until `deadline` (a `performance.now()` time) shown
 * after it, redrawn as it runs down (each minute, each 10 s in the last two minutes, each second
 * in the last 20) without disturbing what has been typed. Returns the function that stops it.
 */
export function questionWithTimeLeft(
  rl: Interface,
  prompt: string,
  deadline: number,
  onAnswer: (answer: string) => void,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const left = (): number => deadline - performance.now();
  const schedule = (): void => {
    const ms = left();
    if (ms <= 0) return;
    const every = ms > 120_000 ? 60_000 : ms > 20_000 ? 10_000 : 1_000;
    // Wake when the shown value changes (the next whole step below what is left).
    const wait = ms % every || every;
    timer = setTimeout(() => {
      rl.setPrompt(withTimeLeft(prompt, left()));
      rl.prompt(true);
      schedule();
    }, wait);
    timer.unref();
  };
  rl.question(withTimeLeft(prompt, left()), (answer) => {
    clearTimeout(timer);
    onAnswer(answer);
  });
  schedule();
  return () => clearTimeout(timer);
}
