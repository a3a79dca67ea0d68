import type { CommandContext, ShellWord } from "./types.js";
import type { RawCommand, WalkSink } from "./walk.js";
import type { Offset } from "./words.js";

/**
 * The tokens of a plain script: blanks, bare words of word characters (with the glob
 * characters `*` and `?`, which the analysis keeps as written), whole single- or
 * double-quoted strings on one line with nothing special inside (no `$`, `` ` ``, `\`, `"`;
 * not blanks alone between double quotes, which tree-sitter-bash reads as empty), and the
 * operators `&&`, `||`, `|`, `;`. Nothing else: no escape, expansion (`$`, `~`, `[…]`, `{…}`,
 * extended globs), redirect, background `&`, subshell, comment or negation. Read with the `y` flag.
 */
const TOKEN = /([ \t]+)|([A-Za-z0-9_./:,=@%+*?-]+)|('[^'\n]*')|("[^"$`\\\n]*")|(&&|\|\||\||;)/y;

/** Blanks alone between double quotes: see {@link TOKEN}. */
const BLANK_STRING = /^"[ \t]+"$/;

/**
 * What a plain command's first word may hold. tree-sitter-bash reads more into that place
 * than bash does (to it `A=1`, `A+=1`, `a@a` and `- a=a` are not a command name and words),
 * so the first word is held to the characters of ordinary command names and paths.
 */
const COMMAND_NAME = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;

/**
 * Words tree-sitter-bash reads as syntax, not as a command's words: its reserved words, its
 * declaration keywords (`export A` is a declaration, not a command with an argument) and `==`
 * (a test operator to it, which drops it and joins the next line to the command). A plain
 * script holding one anywhere goes to the parser.
 */
const SYNTAX_WORDS: ReadonlySet<string> = new Set([
  "==",
  "case",
  "declare",
  "do",
  "done",
  "elif",
  "else",
  "esac",
  "export",
  "fi",
  "for",
  "function",
  "if",
  "in",
  "local",
  "readonly",
  "select",
  "then",
  "typeset",
  "unset",
  "unsetenv",
  "until",
  "while",
]);

type Operator = "&&" | "||" | "|" | ";";

/** A simple command of a plain script and the operator after it on its line, if any. */
interface Stage {
  readonly command: RawCommand;
  readonly then: Operator | undefined;
}

/**
 * A plain script's word as the walk's `wordOf` makes it from tree-sitter's `word`,
 * `raw_string` or `string` node: quotes removed (nothing inside them is special), marked quoted.
 */
function wordAt(raw: string, line: number, column: number): ShellWord {
  const quoted = raw.startsWith("'") || raw.startsWith('"');
  const value = quoted ? raw.slice(1, -1) : raw;
  return { value, dynamic: false, quoted, raw, line, column };
}

/** One line's commands, or `undefined` when the line is not plain. */
function lineStages(
  text: string,
  line: number,
  firstColumn: number,
  contexts: readonly CommandContext[],
): Stage[] | undefined {
  const stages: Stage[] = [];
  let words: ShellWord[] = [];
  let textStart = 0;
  let textEnd = 0;
  /** Whether the last token was a word (two words need a blank between them). */
  let afterWord = false;
  const close = (then: Operator | undefined): boolean => {
    const first = words[0];
    if (first === undefined) return false;
    stages.push({
      command: {
        words,
        assignments: [],
        redirects: [],
        heredocs: [],
        contexts,
        pipe: undefined,
        line: first.line,
        column: first.column,
        text: text.slice(textStart, textEnd),
      },
      then,
    });
    words = [];
    return true;
  };
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) return undefined;
    const [token, blank, , , , operator] = m;
    if (blank !== undefined) {
      afterWord = false;
      continue;
    }
    if (operator !== undefined) {
      if (!close(operator as Operator)) return undefined;
      afterWord = false;
      continue;
    }
    if (afterWord || SYNTAX_WORDS.has(token) || BLANK_STRING.test(token)) return undefined;
    if (words.length === 0) {
      if (!COMMAND_NAME.test(token)) return undefined;
      textStart = at;
    }
    textEnd = at + token.length;
    words.push(wordAt(token, line, firstColumn + at + 1));
    afterWord = true;
  }
  // An operator ending the line (`a |`, `a;`) continues or ends the command in ways kept for the parser.
  if (words.length === 0) return stages.length === 0 ? [] : undefined;
  close(undefined);
  return stages;
}

/**
 * Reads a plain script (see {@link TOKEN}: commands of words and simple quoted strings,
 * joined by `&&`, `||`, `|` and `;`) the way the tree-sitter walk reads it, without parsing:
 * each command, with its pipeline, goes to `sink` in source order. Returns false, having sent
 * nothing, when the script is not plain, holds one of {@link SYNTAX_WORDS}, or a command
 * starts with anything but a command name (`A=1 cmd`): those go to the parser.
 * `__tests__/shell/plain.test.ts` holds this to the walk over the parse tree.
 */
export function readPlainScript(
  script: string,
  offset: Offset,
  contexts: readonly CommandContext[],
  sink: Pick<WalkSink, "command" | "newPipeline">,
): boolean {
  const pipelines: Stage[][] = [];
  let row = 0;
  for (const text of script.split("\n")) {
    const stages = lineStages(text, offset.row + row + 1, row === 0 ? offset.column : 0, contexts);
    if (stages === undefined) return false;
    for (let i = 0; i < stages.length;) {
      // `a | b | c`: the stages joined by `|` form one pipeline.
      let end = i;
      while (stages[end]?.then === "|") end++;
      pipelines.push(stages.slice(i, end + 1));
      i = end + 1;
    }
    row++;
  }
  // tree-sitter-bash reads `a | b | c && d` as `a | (b | c && d)`, and `a && b | c | d⏎e && f`
  // as `a && b | (c | d e && f)`, unlike bash: pipes and `&&` or `||` in one script are left
  // to the parser.
  const joins = new Set(pipelines.flatMap((stages) => stages.map((stage) => stage.then)));
  if (joins.has("|") && (joins.has("&&") || joins.has("||"))) return false;
  for (const pipeline of pipelines) {
    if (pipeline.length === 1) {
      const only = pipeline[0];
      if (only !== undefined) sink.command(only.command);
      continue;
    }
    const id = sink.newPipeline(pipeline.length);
    pipeline.forEach(({ command }, position) =>
      sink.command({ ...command, pipe: { id, position } }),
    );
  }
  return true;
}
