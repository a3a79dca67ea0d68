import type { CommandContext } from "./types.js";
import type { RawCommand } from "./walk.js";
import type { Offset } from "./words.js";

/**
 * A plain script: word characters, blanks and newlines only. Nothing in it is a quote, an
 * escape, an expansion (`$`, `` ` ``, `~`, globs, braces), an operator (`;`, `&`, `|`, `<`,
 * `>`, `(`, `)`), a comment (`#`) or a negation (`!`): bash splits it at blanks into words that
 * stay as written.
 */
const PLAIN_SCRIPT = /^[A-Za-z0-9_./:,=@%+\- \t\n]*$/;

/** A word of a plain script (the `g` flag: read with `lastIndex` along one line). */
const PLAIN_WORD = /[^ \t\n]+/g;

/**
 * What a plain command's first word may hold. tree-sitter-bash reads more into that place
 * than bash does (`A=1`, `A+=1` and `a@a` are not command names to it), so the first word is
 * held to the characters of ordinary command names and paths.
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

/**
 * The commands of a plain script (see {@link PLAIN_SCRIPT}) exactly as the tree-sitter walk
 * records them, one per line with words, without parsing; `undefined` when the script is not
 * plain, holds one of {@link SYNTAX_WORDS}, or a line starts with anything but a command name (`A=1 cmd`),
 * which all go to the parser. `__tests__/shell/plain.test.ts` holds this against the walk over the parse tree.
 */
export function plainCommands(
  script: string,
  offset: Offset,
  contexts: readonly CommandContext[],
): RawCommand[] | undefined {
  if (!PLAIN_SCRIPT.test(script)) return undefined;
  const commands: RawCommand[] = [];
  let row = 0;
  let lineStart = 0;
  while (lineStart <= script.length) {
    const newline = script.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? script.length : newline;
    const words: RawCommand["words"][number][] = [];
    let textStart = 0;
    let textEnd = 0;
    PLAIN_WORD.lastIndex = lineStart;
    for (let m = PLAIN_WORD.exec(script); m !== null && m.index < lineEnd;) {
      const value = m[0];
      if (SYNTAX_WORDS.has(value) || (words.length === 0 && !COMMAND_NAME.test(value)))
        return undefined;
      if (words.length === 0) textStart = m.index;
      textEnd = m.index + value.length;
      const column = (row === 0 ? offset.column : 0) + m.index - lineStart + 1;
      words.push({
        value,
        dynamic: false,
        quoted: false,
        raw: value,
        line: offset.row + row + 1,
        column,
      });
      m = PLAIN_WORD.exec(script);
    }
    const first = words[0];
    if (first !== undefined)
      commands.push({
        words,
        assignments: [],
        redirects: [],
        heredocs: [],
        contexts,
        pipe: undefined,
        line: first.line,
        column: first.column,
        text: script.slice(textStart, textEnd),
      });
    if (newline < 0) break;
    lineStart = newline + 1;
    row++;
  }
  return commands;
}
