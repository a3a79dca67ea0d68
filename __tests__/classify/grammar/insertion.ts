import { parseArgs } from "../../../src/classify/grammar/parse.js";
import {
  definitionsOf,
  type OptionDef,
  type Syntax,
} from "../../../src/classify/grammar/syntax.js";

/** A read of one tool with a grammar: `ls -la /var/log` as name, words and grammar. */
export interface Read {
  readonly name: string;
  readonly args: readonly string[];
  readonly syntax: Syntax;
}

/** Quote a word for a command line. */
export const quote = (w: string): string =>
  /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;

/** Every level a command line can reach: the root and the subcommands along its path. */
export function levels(syntax: Syntax, args: readonly string[]): Syntax[] {
  const out = [syntax];
  let level = syntax;
  for (const step of parseArgs(args, syntax).path) {
    const next = level.subcommands.get(step);
    if (next === undefined) break;
    out.push(next);
    level = next;
  }
  return out;
}

/** An option word that sets `name` (with a value where it takes one); `long` even for a one-letter prefix. */
export function optionWord(name: string, arity: string, long: boolean): string {
  if (arity === "none") return long ? `--${name}` : `-${name}`;
  return long ? `--${name}=VALUE` : `-${name}VALUE`;
}

/**
 * The names that reach `def` at `level`: its long name and, where the level abbreviates,
 * every prefix of it that no other option shares; its first name when it has no long one.
 * The whole name always reaches it: an exact match wins over abbreviations.
 */
export function abbreviations(level: Syntax, def: OptionDef): string[] {
  const long = def.names.find((n) => n.length > 1);
  if (long === undefined) return [def.names[0] ?? ""];
  if (!level.abbreviate) return [long];
  return [...Array(long.length).keys()]
    .map((k) => long.slice(0, k + 1))
    .filter(
      (p) =>
        p === long ||
        [...level.long.entries()].filter(([n]) => n.startsWith(p)).every(([, d]) => d === def),
    );
}

/** True when `word`, inserted at `at`, is read by the grammar as an option (not as a value or operand). */
function readAsOption(syntax: Syntax, args: readonly string[], at: number, word: string): boolean {
  const before = args.slice(0, at);
  if (before.includes("--")) return false;
  const next = [...before, word, ...args.slice(at)];
  const parsed = parseArgs(next, syntax);
  return (
    !parsed.operands.includes(word) &&
    !parsed.options.some((o) => o.value === word) &&
    (parsed.options.some((o) => o.word === word) ||
      parsed.problems.some((p) => p.word === word || word.startsWith(p.word)))
  );
}

/**
 * The command line with `word` inserted into `read` at `position` (modulo its length), or
 * `undefined` where the tool would not read the word there as an option.
 */
export function insertedOption(read: Read, position: number, word: string): string | undefined {
  const at = position % (read.args.length + 1);
  if (!readAsOption(read.syntax, read.args, at, word)) return undefined;
  return [read.name, ...read.args.slice(0, at), word, ...read.args.slice(at)].map(quote).join(" ");
}

/** An option a grammar does not list as safe, at the level of a read where it applies. */
export interface UnsafeOption {
  readonly level: Syntax;
  readonly def: OptionDef;
}

/** The options not safe for a read at every level `read` reaches (root, then subcommands). */
export function unsafeOptions(read: Read): UnsafeOption[] {
  return levels(read.syntax, read.args).flatMap((level) =>
    definitionsOf(level)
      .filter((def) => !def.safe)
      .map((def) => ({ level, def })),
  );
}

/** The word that sets `option` under the `pick`-th (modulo) of the names that reach it. */
export function unsafeWord({ level, def }: UnsafeOption, pick: number): string {
  const names = abbreviations(level, def);
  const name = names[pick % names.length] ?? def.names[0] ?? "";
  return optionWord(
    name,
    def.arity,
    def.names.some((n) => n.length > 1),
  );
}
