/** Small, allocation-light helpers over argument lists (`args` exclude the command name). */

/** Arguments before a lone `--` (options after it are operands). */
function optionPart(args: readonly string[]): readonly string[] {
  const end = args.indexOf("--");
  return end < 0 ? args : args.slice(0, end);
}

/** True when a short-option cluster (`-rf`, `-f`) contains one of `letters`. */
export function hasShort(args: readonly string[], letters: string): boolean {
  for (const a of optionPart(args)) {
    if (a.length < 2 || a[0] !== "-" || a[1] === "-") continue;
    for (let i = 1; i < a.length; i++) if (letters.includes(a.charAt(i))) return true;
  }
  return false;
}

/** True when `--name` or `--name=value` is present for one of `names`. */
export function hasLong(args: readonly string[], names: readonly string[]): boolean {
  for (const a of optionPart(args)) {
    if (!a.startsWith("--")) continue;
    const eq = a.indexOf("=");
    if (names.includes(eq < 0 ? a.slice(2) : a.slice(2, eq))) return true;
  }
  return false;
}

/** True when any of `flags` is present exactly (`-X`, `--force`). */
export function hasAny(args: readonly string[], flags: readonly string[]): boolean {
  return optionPart(args).some((a) => flags.includes(a));
}

/**
 * Value of an option: `-X VALUE`, `-XVALUE`, `--long VALUE`, `--long=VALUE`. Last one wins.
 * `short` is a single letter or `""`. With `clustered`, the letter may end a cluster of
 * flags (`curl -fsSLo FILE`, `wget -qO-`), for tools whose other short options are flags.
 */
export function optionValue(
  args: readonly string[],
  short: string,
  long: readonly string[],
  clustered = false,
): string | undefined {
  let found: string | undefined;
  const part = optionPart(args);
  for (let i = 0; i < part.length; i++) {
    const a = part[i] ?? "";
    const at =
      short === "" || a.startsWith("--") || !a.startsWith("-")
        ? -1
        : clustered
          ? a.indexOf(short, 1)
          : a.charAt(1) === short
            ? 1
            : -1;
    if (at > 0) {
      found = a.length > at + 1 ? a.slice(at + 1) : part[i + 1];
    } else if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (long.includes(name)) found = eq < 0 ? part[i + 1] : a.slice(eq + 1);
    }
  }
  return found;
}

/** Every value of a repeatable option (`psql -c A -c B`). */
export function optionValues(
  args: readonly string[],
  short: string,
  long: readonly string[],
): string[] {
  const out: string[] = [];
  const part = optionPart(args);
  for (let i = 0; i < part.length; i++) {
    const a = part[i] ?? "";
    if (short !== "" && a.startsWith(`-${short}`) && !a.startsWith("--")) {
      const v = a.length > 2 ? a.slice(2) : part[i + 1];
      if (v !== undefined) out.push(v);
    } else if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const v = eq < 0 ? part[i + 1] : a.slice(eq + 1);
      if (long.includes(name) && v !== undefined) out.push(v);
    }
  }
  return out;
}

/** Which options take a separate value, so their values are not taken for operands. */
export interface ValueOptions {
  /** Short letters that take a value (`n` for `-n prod`). */
  readonly short?: string;
  /** Long names that take a value when written `--name value`. */
  readonly long?: readonly string[];
  /** Treat every `--long` without `=` as taking a value, except these flags. */
  readonly longFlags?: readonly string[];
}

/** Operands (non-options), skipping option values per `spec`. Everything after `--` is an operand. */
export function positionals(args: readonly string[], spec: ValueOptions = {}): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      if (a.includes("=")) continue;
      const name = a.slice(2);
      const takesValue =
        spec.longFlags !== undefined
          ? !spec.longFlags.includes(name)
          : spec.long?.includes(name) === true;
      if (takesValue) i++;
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const last = a.charAt(a.length - 1);
      if (a.length === 2 && spec.short?.includes(last) === true) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
