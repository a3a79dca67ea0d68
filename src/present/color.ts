/** What decides whether output is coloured. */
export interface ColorContext {
  /** Whether the destination stream is a terminal. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The one colour policy of every printer (validate, the live view, replay): colour only on a
 * terminal, never when `NO_COLOR` is set to a non-empty value (no-color.org) or `TERM=dumb`;
 * `FORCE_COLOR` (other than `0` / `false`) turns it on even when piped.
 */
export function colorEnabled({ isTTY, env }: ColorContext): boolean {
  const noColor = env["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  return isTTY && env["TERM"] !== "dumb";
}
