import type { OptionDef, Syntax } from "./syntax.js";

/** One option as the tool will read it. */
export interface ParsedOption {
  readonly def: OptionDef;
  /** The word as written (`-uo`, `--outp=x`). */
  readonly word: string;
  readonly value: string | undefined;
}

/** A word the grammar could not account for, with why. */
export interface Problem {
  readonly word: string;
  readonly kind: ProblemKind;
}

/** Why a word is not understood; {@link PROBLEM_TEXT} says it in words. */
export type ProblemKind =
  | "unknown-option"
  | "ambiguous-option"
  | "missing-value"
  | "unexpected-value"
  | "unknown-subcommand"
  | "unsafe-option"
  | "unsafe-value"
  | "extra-operand"
  | "unknown-operand";

/** A phrase that follows the word in a reason. */
export const PROBLEM_TEXT: Readonly<Record<ProblemKind, string>> = {
  "unknown-option": "is not an option the rules know",
  "ambiguous-option": "abbreviates more than one option",
  "missing-value": "needs a value",
  "unexpected-value": "takes no value",
  "unknown-subcommand": "is not a subcommand the rules know",
  "unsafe-option": "is not known to be safe for a read",
  "unsafe-value": "has a value the rules do not know to be safe for a read",
  "extra-operand": "is an operand the tool may write to",
  "unknown-operand": "is not an operand the rules know",
};

/** A command line read the way the tool reads it. */
export interface ParsedArgs {
  /** Subcommands taken, outermost first (`["rollout", "status"]`). */
  readonly path: readonly string[];
  readonly options: readonly ParsedOption[];
  readonly operands: readonly string[];
  readonly problems: readonly Problem[];
  /** The innermost level reached (its `maxOperands` applies). */
  readonly level: Syntax;
}

interface Tables {
  readonly short: ReadonlyMap<string, OptionDef>;
  readonly long: ReadonlyMap<string, OptionDef>;
}

const AMBIGUOUS = "ambiguous";
const NO_NEGATIONS: ReadonlyMap<string, OptionDef> = new Map();

// Grammars are data built once, so the tables derived from them are too: built for every
// command line, they were more than half the time of reading its options (bench/validate).
const negationsOf = new WeakMap<Tables, ReadonlyMap<string, OptionDef>>();
const inheritedTables = new WeakMap<Tables, WeakMap<Syntax, Tables>>();

/**
 * `--no-NAME` for every long option of a negatable level, each a flag that is safe (it only
 * turns an option off), aliases sharing one definition.
 */
function negations(tables: Tables): ReadonlyMap<string, OptionDef> {
  const known = negationsOf.get(tables);
  if (known !== undefined) return known;
  const byDef = new Map<OptionDef, OptionDef>();
  const out = new Map<string, OptionDef>();
  for (const [long, def] of tables.long) {
    let negated = byDef.get(def);
    if (negated === undefined) {
      negated = { names: def.names.map((n) => `no-${n}`), arity: "none", safe: true };
      byDef.set(def, negated);
    }
    out.set(`no-${long}`, negated);
  }
  negationsOf.set(tables, out);
  return out;
}

/** A subcommand's options together with those it inherits (its own win). */
function inheriting(inherited: Tables, level: Syntax): Tables {
  let byLevel = inheritedTables.get(inherited);
  if (byLevel === undefined) inheritedTables.set(inherited, (byLevel = new WeakMap()));
  let tables = byLevel.get(level);
  if (tables === undefined) {
    tables = {
      short: new Map([...inherited.short, ...level.short]),
      long: new Map([...inherited.long, ...level.long]),
    };
    byLevel.set(level, tables);
  }
  return tables;
}

/**
 * Resolve `--name` exactly, or as a unique prefix where the tool abbreviates. On a negatable
 * level the `--no-…` forms count as options of their own, so `--no-rem` is ambiguous when
 * both `--no-remove-listing` and the negation of `--remote-encoding` would match.
 */
function resolveLong(
  name: string,
  tables: Tables,
  level: Syntax,
): OptionDef | typeof AMBIGUOUS | undefined {
  const exact = tables.long.get(name);
  if (exact !== undefined) return exact;
  const negated = level.negatable ? negations(tables) : NO_NEGATIONS;
  const exactNegated = negated.get(name);
  if (exactNegated !== undefined) return exactNegated;
  if (!level.abbreviate || name === "") return undefined;
  const matches = [...tables.long.entries(), ...negated.entries()].filter(([long]) =>
    long.startsWith(name),
  );
  const defs = new Set(matches.map(([, def]) => def));
  if (defs.size === 1) return matches[0]?.[1];
  return defs.size > 1 ? AMBIGUOUS : undefined;
}

class Reader {
  readonly path: string[] = [];
  readonly options: ParsedOption[] = [];
  readonly operands: string[] = [];
  readonly problems: Problem[] = [];
  level: Syntax | undefined;

  constructor(private readonly args: readonly string[]) {}

  /** Read `args` from `start` with `level`; returns when every word is placed. */
  read(start: number, level: Syntax, inherited: Tables | undefined): void {
    this.level = level;
    const tables = inherited === undefined ? level : inheriting(inherited, level);
    const args = this.args;
    let onlyOperands = false;
    for (let i = start; i < args.length; i++) {
      const word = args[i] ?? "";
      if (!onlyOperands && word.length > 1 && word.startsWith("+")) {
        if (level.plusOptions) {
          i = this.cluster(word, i, tables, level);
          continue;
        }
        if (level.plusCommands !== undefined) {
          const safe = level.plusCommands.test(word);
          this.options.push({ def: safe ? PLUS : UNSAFE_PLUS, word, value: word.slice(1) });
          continue;
        }
      }
      if (onlyOperands || word === "-" || !word.startsWith("-")) {
        if (!onlyOperands && level.subcommands.size > 0 && this.subcommand(word, i, level, tables))
          return;
        this.operands.push(word);
        if (!level.permute && level.subcommands.size === 0) onlyOperands = true;
        continue;
      }
      if (word === "--") {
        onlyOperands = true;
        continue;
      }
      if (word.startsWith("--") || (level.singleDashLong && word.length > 2)) {
        i = this.long(word, i, tables, level);
        continue;
      }
      i = this.cluster(word, i, tables, level);
    }
  }

  /** The first operand of a level with subcommands: a known one is entered, another is a problem. */
  private subcommand(word: string, i: number, level: Syntax, tables: Tables): boolean {
    const sub = level.subcommands.get(word);
    if (sub === undefined) {
      this.problems.push({ word, kind: "unknown-subcommand" });
      this.operands.push(...this.args.slice(i));
      return true;
    }
    this.path.push(word);
    this.read(i + 1, sub, sub.inherit ? tables : undefined);
    return true;
  }

  private long(word: string, i: number, tables: Tables, level: Syntax): number {
    const dashes = word.startsWith("--") ? 2 : 1;
    const eq = word.indexOf("=");
    const name = eq < 0 ? word.slice(dashes) : word.slice(dashes, eq);
    const attached = eq < 0 ? undefined : word.slice(eq + 1);
    const def = resolveLong(name, tables, level);
    if (def === undefined) {
      if (dashes === 1) return this.cluster(word, i, tables, level);
      this.problems.push({ word, kind: "unknown-option" });
      return i;
    }
    if (def === AMBIGUOUS) {
      this.problems.push({ word, kind: "ambiguous-option" });
      return i;
    }
    if (def.arity === "none") {
      if (attached !== undefined) this.problems.push({ word, kind: "unexpected-value" });
      this.options.push({ def, word, value: undefined });
      return i;
    }
    if (attached !== undefined || def.arity === "optional") {
      this.options.push({ def, word, value: attached });
      return i;
    }
    const value = this.args[i + 1];
    if (value === undefined) this.problems.push({ word, kind: "missing-value" });
    this.options.push({ def, word, value });
    return i + 1;
  }

  /** `-abc`, `-oFILE`, `-o FILE`, `-5`: letters until one takes a value. */
  private cluster(word: string, i: number, tables: Tables, level: Syntax): number {
    if (level.numeric && /^-\d+$/.test(word)) {
      this.options.push({ def: NUMERIC, word, value: word.slice(1) });
      return i;
    }
    for (let k = 1; k < word.length; k++) {
      const letter = word.charAt(k);
      const def = tables.short.get(letter);
      if (def === undefined) {
        this.problems.push({ word: k === 1 ? word : `-${letter}`, kind: "unknown-option" });
        return i;
      }
      if (def.arity === "none") {
        this.options.push({ def, word, value: undefined });
        continue;
      }
      const rest = word.slice(k + 1);
      if (rest !== "" || def.arity === "optional") {
        this.options.push({ def, word, value: rest === "" ? undefined : rest });
        return i;
      }
      const value = this.args[i + 1];
      if (value === undefined) this.problems.push({ word, kind: "missing-value" });
      this.options.push({ def, word, value });
      return i + 1;
    }
    return i;
  }
}

/** `-NUM` (`head -5`): a count, safe wherever a level accepts it. */
const NUMERIC: OptionDef = { names: ["NUM"], arity: "required", safe: true };
/** `+WORD` a tool runs as a command of its own (`less +G`), known to be safe… */
const PLUS: OptionDef = { names: ["+"], arity: "required", safe: true };
/** …or not (`less '+!sh'`). */
const UNSAFE_PLUS: OptionDef = { names: ["+"], arity: "required", safe: false };

/** Read `args` (without the command name) the way a tool with `syntax` reads them. */
export function parseArgs(args: readonly string[], syntax: Syntax): ParsedArgs {
  const reader = new Reader(args);
  reader.read(0, syntax, undefined);
  return {
    path: reader.path,
    options: reader.options,
    operands: reader.operands,
    problems: reader.problems,
    level: reader.level ?? syntax,
  };
}

/** True when an option named by any of its aliases (`o` or `output`) was given. */
export function hasOption(parsed: ParsedArgs, name: string): boolean {
  return parsed.options.some((o) => o.def.names.includes(name));
}

/**
 * Whether a flag is on after every `--name` / `--no-name` given, the last one winning
 * (`--dry-run --no-dry-run` is not a dry run).
 */
export function enabled(parsed: ParsedArgs, name: string): boolean {
  let on = false;
  for (const o of parsed.options) {
    if (o.def.names.includes(name)) on = true;
    else if (o.def.names.includes(`no-${name}`)) on = false;
  }
  return on;
}

/** The value of the last occurrence of an option (getopt tools take the last one). */
export function lastValue(parsed: ParsedArgs, name: string): string | undefined {
  let value: string | undefined;
  for (const o of parsed.options) if (o.def.names.includes(name)) value = o.value;
  return value;
}

/** Every value of a repeatable option, in order. */
export function allValues(parsed: ParsedArgs, name: string): string[] {
  return parsed.options.flatMap((o) =>
    o.def.names.includes(name) && o.value !== undefined ? [o.value] : [],
  );
}
