/** True when a short flag (also inside a cluster like `-it`) or a long flag is present. */
export function hasFlag(
  args: readonly string[],
  short: string,
  ...long: readonly string[]
): boolean {
  return args.some(
    (a) =>
      (short !== "" && /^-[A-Za-z0-9]+$/.test(a) && a.slice(1).includes(short)) ||
      long.some((l) => a === l || a.startsWith(`${l}=`)),
  );
}
