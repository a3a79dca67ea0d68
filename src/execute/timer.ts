/** Longest delay `setTimeout` honours; anything longer fires after 1 ms (with a warning). */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * A delay that `setTimeout` takes literally: a configured timeout of months would otherwise
 * overflow and fire at once, turning "effectively never" into "immediately".
 */
export function timerDelay(ms: number): number {
  return Math.min(Math.max(0, ms), MAX_TIMER_MS);
}
