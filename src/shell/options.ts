import type { ShellWord } from "./types.js";

/** How a wrapper's options are laid out, so its command can be found after them. */
export interface OptionSpec {
  /** Short options that take a value (`u` for `sudo -u root`). */
  readonly shortWithValue?: string;
  /** Long options that take a value when not written `--opt=value`. */
  readonly longWithValue?: readonly string[];
  /** Short options after which the wrapper is not a wrapper (`command -v`, `sudo -l`). */
  readonly stopShort?: string;
  readonly stopLong?: readonly string[];
  /** Stop at the first word not starting with `-` even if it looks like `+x`. */
  readonly plusIsOption?: boolean;
}

/** Where the options ended, and the short options seen. */
export interface Scan {
  /** Index of the first operand. */
  readonly index: number;
  /** Short option letters seen, with their values (`{ u: "root" }`); flags map to `""`. */
  readonly short: ReadonlyMap<string, string>;
  readonly stopped: boolean;
}

/** Skip options per `spec`; `--` ends them. Values may be attached (`-uroot`) or separate. */
export function scanOptions(args: readonly ShellWord[], spec: OptionSpec): Scan {
  const short = new Map<string, string>();
  let i = 0;
  while (i < args.length) {
    const word = args[i];
    if (word === undefined) break;
    const v = word.value;
    if (v === "--") return { index: i + 1, short, stopped: false };
    const isPlus = spec.plusIsOption === true && v.startsWith("+") && v.length > 1;
    if (!(v.startsWith("-") && v.length > 1) && !isPlus) break;
    if (v.startsWith("--")) {
      const name = v.slice(2).split("=")[0] ?? "";
      if (spec.stopLong?.includes(name) === true) return { index: i, short, stopped: true };
      i += !v.includes("=") && spec.longWithValue?.includes(name) === true ? 2 : 1;
      continue;
    }
    let consumedNext = false;
    for (let k = 1; k < v.length; k++) {
      const letter = v.charAt(k);
      if (spec.stopShort?.includes(letter) === true) return { index: i, short, stopped: true };
      if (spec.shortWithValue?.includes(letter) === true) {
        const attached = v.slice(k + 1);
        if (attached === "") {
          short.set(letter, args[i + 1]?.value ?? "");
          consumedNext = true;
        } else short.set(letter, attached);
        break;
      }
      short.set(letter, "");
    }
    i += consumedNext ? 2 : 1;
  }
  return { index: i, short, stopped: false };
}

/** Skip `NAME=value` words (sudo and env accept them before the command). */
export function skipAssignments(args: readonly ShellWord[], from: number): number {
  let i = from;
  while (i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]?.value ?? "")) i++;
  return i;
}
