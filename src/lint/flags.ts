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

/** Operands after skipping options; `withValue` lists options that take the next word. */
export function operands(args: readonly string[], withValue: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") return [...out, ...args.slice(i + 1)];
    if (a.startsWith("-") && a.length > 1) {
      if (withValue.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
