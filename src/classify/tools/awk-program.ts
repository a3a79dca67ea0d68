/**
 * The parts of an awk program that reach outside it: `system()`, pipes to and from commands
 * (`print | "cmd"`, `"cmd" | getline`), output redirections of `print`/`printf` (`> file`,
 * `>> file`), and gawk's `@load`/`@include`. Returns the first one found, or `undefined` when
 * the program only reads its input and prints.
 */
export function awkSideEffect(program: string): string | undefined {
  const code = stripStrings(program);
  if (/@\s*(load|include|namespace)\b/.test(code)) return "@load";
  if (/\bsystem\s*\(/.test(code)) return "system()";
  if (/(^|[^|])\|(?!\|)/.test(code.replace(/\|\|/g, "  "))) return "|";
  if (/\b(PROCINFO|ENVIRON)\s*\[[^\]]*\]\s*=[^=]/.test(code)) return "PROCINFO";
  for (const statement of printStatements(code, program))
    if (statement !== undefined) return statement;
  return undefined;
}

/**
 * Replace the contents of `"…"` literals and `/regex/` literals (where an operand may start)
 * with spaces of the same length, so `/error|warn/` is not read as a pipe.
 */
function stripStrings(text: string): string {
  const blank = (m: string): string =>
    `${m.charAt(0)}${" ".repeat(m.length - 2)}${m.charAt(m.length - 1)}`;
  return text
    .replace(/"(?:[^"\\\n]|\\.)*"/g, blank)
    .replace(
      /(^|[(,{;!~&|\n]|\bin\b)(\s*)(\/(?:[^/\\\n]|\\.)*\/)/g,
      (_m, before: string, space: string, regex: string) => `${before}${space}${blank(regex)}`,
    );
}

const STDIO = /^"\/dev\/(stdout|stderr|fd\/[12])"$/;

/**
 * For each `print`/`printf` statement with a `>` or `>>` outside parentheses, the redirect
 * (`> "file"`), unless it goes to stdout or stderr.
 */
function* printStatements(code: string, original: string): Generator<string | undefined> {
  for (const m of code.matchAll(/\bprintf?\b/g)) {
    let depth = 0;
    for (let k = (m.index ?? 0) + m[0].length; k < code.length; k++) {
      const c = code.charAt(k);
      if (c === "(") depth++;
      else if (c === ")") depth--;
      else if ((c === ";" || c === "}" || c === "\n") && depth <= 0) break;
      else if (c === ">" && depth <= 0) {
        const target = /^>{1,2}\s*("(?:[^"\\\n]|\\.)*"|\S+)/.exec(original.slice(k))?.[1] ?? "";
        yield STDIO.test(target) ? undefined : `> ${target}`;
        break;
      }
    }
  }
}
