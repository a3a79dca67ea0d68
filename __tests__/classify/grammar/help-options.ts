import { spawnSync } from "node:child_process";
import type { Arity, Syntax } from "../../../src/classify/grammar/syntax.js";

/** One option group as a tool's `--help` lists it. */
export interface HelpOption {
  readonly names: readonly string[];
  readonly arity: Arity;
}

/**
 * The options a GNU-style `--help` lists: lines such as `  -o, --output=FILE`,
 * `  -i[SUFFIX], --in-place[=SUFFIX]`, `  -e script, --expression=script`, `      --debug`.
 */
export function parseHelp(text: string): HelpOption[] {
  const out: HelpOption[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s{1,12}(-[^\s].*?)(?:\s{2,}|\t|$)/.exec(line);
    if (m === null) continue;
    const spec = m[1] ?? "";
    const names: string[] = [];
    let arity: Arity = "none";
    for (const part of spec.split(/,\s*|\s+(?=-)/)) {
      const long = /^--([\w-]+)(\[=[^\]]*\]|=\S+|\[[^\]]*\]| \S+)?$/.exec(part.trim());
      const short = /^-([\w?#])(\[[^\]]*\]| ?\S+)?$/.exec(part.trim());
      if (long !== null) {
        names.push(long[1] ?? "");
        const tail = long[2] ?? "";
        if (tail.startsWith("[=")) arity = "optional";
        else if (tail !== "" && !tail.startsWith("[")) arity = "required";
      } else if (short !== null) {
        names.push(short[1] ?? "");
        const tail = short[2] ?? "";
        if (tail.startsWith("[")) arity = arity === "required" ? arity : "optional";
        else if (tail !== "") arity = "required";
      } else {
        names.length = 0;
        break;
      }
    }
    if (names.length > 0) out.push({ names, arity });
  }
  return out;
}

/** `tool --help` on this machine, or `undefined` when the tool is missing. */
export function helpText(tool: string, args: readonly string[] = ["--help"]): string | undefined {
  const result = spawnSync(tool, args, {
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", LC_ALL: "C" },
    timeout: 10_000,
  });
  if (result.error !== undefined) return undefined;
  return `${result.stdout}${result.stderr}`;
}

/** Arity as the table has it for `name`, or `undefined` when the table lacks the option. */
export function tableArity(syntax: Syntax, name: string): Arity | undefined {
  return (name.length === 1 ? syntax.short : syntax.long).get(name)?.arity;
}

/**
 * Every option of `help` the table lacks or reads with another arity (an optional value the
 * table requires is fine: it only costs an approval). `quirks` are names whose help line the
 * parser cannot read the same way, documented by the caller.
 */
export function mismatches(
  syntax: Syntax,
  help: readonly HelpOption[],
  quirks: readonly string[] = [],
): string[] {
  const out: string[] = [];
  for (const option of help) {
    for (const name of option.names) {
      if (quirks.includes(name)) continue;
      if (syntax.numeric && /^\d$/.test(name)) continue;
      const arity = tableArity(syntax, name);
      const dash = name.length === 1 ? "-" : "--";
      if (arity === undefined) out.push(`${dash}${name} missing`);
      else if (arity !== option.arity && !(option.arity === "optional" && arity === "required"))
        out.push(`${dash}${name}: table ${arity}, --help ${option.arity}`);
    }
  }
  return out;
}
