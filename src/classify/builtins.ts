import type { ShellCommand, ShellWord } from "../shell/index.js";
import { code, type Hit, modifying, type Nested } from "./hit.js";

/**
 * Shell built-ins whose arguments bash evaluates as code. Array subscripts are arithmetic,
 * and arithmetic expands `$(…)` even when the word was single-quoted:
 * `[[ -v 'a[$(rm x)]' ]]`, `test -v`, `let`, `declare`, `printf -v`, `read` all run it.
 */
const NAME_ARGUMENTS: Readonly<Record<string, (args: readonly ShellWord[]) => ShellWord[]>> = {
  let: (args) => [...args],
  declare: names,
  typeset: names,
  local: names,
  export: names,
  readonly: names,
  unset: names,
  read: (args) =>
    args.filter((w, i) => !w.value.startsWith("-") && !optionValueAt(args, i, "adinNptu")),
  mapfile: lastOperand,
  readarray: lastOperand,
  printf: (args) => valuesOf(args, "v"),
  wait: (args) => valuesOf(args, "p"),
  getopts: (args) => args.slice(1, 2),
  test: (args) => valuesOf(args, "v", true),
  "[": (args) => valuesOf(args, "v", true),
  "[[": (args) => valuesOf(args, "v", true),
};

/** Built-ins that change how later commands are found or run: never a read. */
const CHANGES_COMMANDS: Readonly<Record<string, (args: readonly string[]) => string | undefined>> =
  {
    hash: (args) => (args.some((a) => /^-[a-z]*p/.test(a)) ? "hash -p" : undefined),
    enable: () => "enable",
    complete: (args) => (args.some((a) => /^-[a-zA-Z]*C/.test(a)) ? "complete -C" : undefined),
    compgen: (args) => (args.some((a) => /^-[a-zA-Z]*[CF]/.test(a)) ? "compgen -C" : undefined),
    bind: (args) => (args.some((a) => /^-[a-zA-Z]*x/.test(a)) ? "bind -x" : undefined),
  };

function names(args: readonly ShellWord[]): ShellWord[] {
  return args.filter((w) => !/^[-+]/.test(w.value));
}

function lastOperand(args: readonly ShellWord[]): ShellWord[] {
  const last = args[args.length - 1];
  return last === undefined || last.value.startsWith("-") ? [] : [last];
}

/** True when `args[i]` is the value of one of `letters` given just before it (`read -p PROMPT`). */
function optionValueAt(args: readonly ShellWord[], i: number, letters: string): boolean {
  const previous = args[i - 1]?.value ?? "";
  return /^-[a-zA-Z]+$/.test(previous) && letters.includes(previous.charAt(previous.length - 1));
}

/** The word after `-LETTER` (`printf -v NAME`, `test -v NAME`). */
function valuesOf(args: readonly ShellWord[], letter: string, exact = false): ShellWord[] {
  const out: ShellWord[] = [];
  args.forEach((w, i) => {
    const v = w.value;
    const next = args[i + 1];
    if (v === `-${letter}` && next !== undefined) out.push(next);
    else if (!exact && v.startsWith(`-${letter}`) && v.length > 2)
      out.push({ ...w, value: v.slice(2) });
  });
  return out;
}

/** The texts of the `$(…)` and `` `…` `` substitutions inside a word's value, outermost first. */
function substitutions(text: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith("$(", i) && !text.startsWith("$((", i)) {
      let depth = 0;
      let k = i + 1;
      for (; k < text.length; k++) {
        if (text.charAt(k) === "(") depth++;
        else if (text.charAt(k) === ")" && --depth === 0) break;
      }
      if (k >= text.length) return undefined;
      out.push(text.slice(i + 2, k));
      i = k;
    } else if (text.charAt(i) === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) return undefined;
      out.push(text.slice(i + 1, end));
      i = end;
    }
  }
  return out;
}

/** The part of an argument bash evaluates arithmetically: a subscript, or all of `let`'s. */
function arithmeticPart(command: string, value: string): string | undefined {
  if (command === "let") return value;
  const open = value.indexOf("[");
  const equals = value.indexOf("=");
  if (open < 0 || (equals >= 0 && equals < open)) return undefined;
  return value.slice(open);
}

/**
 * Hits for the code inside a built-in's arguments: the substitutions run inside it are
 * classified as commands; expansions whose value is evaluated as code are `modifying`.
 */
export function builtinHits(command: ShellCommand, nested: Nested): Hit[] {
  const args = command.argv.slice(1);
  const changes = CHANGES_COMMANDS[command.name]?.(args.map((w) => w.value));
  if (changes !== undefined)
    return [
      modifying(
        "builtin.changes-commands",
        `${code(changes)} changes which program later commands run`,
      ),
    ];
  const pick = NAME_ARGUMENTS[command.name];
  if (pick === undefined) return [];
  const hits: Hit[] = [];
  for (const word of pick(args)) {
    const part = arithmeticPart(command.name, word.value);
    if (part === undefined || !/[$`]/.test(part)) continue;
    const inner = substitutions(part);
    if (inner === undefined || (inner.length === 0 && /\$/.test(part))) {
      hits.push(
        modifying(
          "builtin.arithmetic",
          `${code(command.name, word.raw)} evaluates ${code(part)} as code, which can run commands`,
        ),
      );
      continue;
    }
    for (const text of inner)
      hits.push(
        ...nested.shell(text).map((h) => ({
          ...h,
          message: `${code(command.name, word.raw)} runs ${code(text)}: ${h.message}`,
        })),
        modifying(
          "builtin.arithmetic",
          `${code(command.name, word.raw)} runs ${code(`$(${text})`)} when it evaluates the subscript`,
        ),
      );
  }
  return hits;
}
