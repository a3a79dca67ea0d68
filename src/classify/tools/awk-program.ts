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

/** Characters after which a `/` starts a regex literal (awk reads it as division elsewhere). */
const REGEX_CONTEXT = new Set(["(", ",", "{", ";", "!", "~", "&", "|", "\n"]);

/**
 * Replace the contents of `"…"` literals and `/regex/` literals (where an operand may start)
 * with spaces of the same length, so `/error|warn/` is not read as a pipe. One pass over the
 * text (linear on any input).
 */
function stripStrings(text: string): string {
  let out = "";
  let lastSignificant = -1;
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    const opensRegex = c === "/" && regexMayStart(text, lastSignificant);
    if (c === '"' || opensRegex) {
      const end = literalEnd(text, i, c);
      if (end.closed) {
        out += `${c}${" ".repeat(end.at - i - 1)}${c}`;
        lastSignificant = end.at;
      } else {
        // Not closed on its line: kept as written (more is then read as code, which can only
        // make the verdict stricter), and the scan goes on from the line's end.
        out += text.slice(i, end.at + 1);
        lastSignificant = end.at;
      }
      i = end.at + 1;
      continue;
    }
    out += c;
    if (!/\s/.test(c)) lastSignificant = i;
    i++;
  }
  return out;
}

/** Whether a `/` after the significant character at `last` starts a regex literal. */
function regexMayStart(text: string, last: number): boolean {
  if (last < 0) return true;
  const c = text.charAt(last);
  if (REGEX_CONTEXT.has(c)) return true;
  // the keyword `in` (`for (k in /x/)` is not awk, but `$0 ~ x in /re/`-style operands are)
  return c === "n" && text.charAt(last - 1) === "i" && !/[A-Za-z0-9_]/.test(text.charAt(last - 2));
}

/**
 * Where the literal opened at `start` ends: its closing `quote` (backslash escapes honoured), or
 * the end of its line or of the text when it is not closed. The caller goes on from there, so
 * every character is scanned once.
 */
function literalEnd(
  text: string,
  start: number,
  quote: string,
): { readonly closed: boolean; readonly at: number } {
  let j = start + 1;
  for (; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === "\\") j++;
    else if (c === quote) return { closed: true, at: j };
    else if (c === "\n") return { closed: false, at: j - 1 };
  }
  return { closed: false, at: Math.min(j, text.length) - 1 };
}

const STDIO = /^"\/dev\/(stdout|stderr|fd\/[12])"$/;

/**
 * For each `print`/`printf` statement with a `>` or `>>` outside parentheses, the redirect
 * (`> "file"`), unless it goes to stdout or stderr. One pass: a statement ends at `;`, `}` or a
 * line break outside parentheses, or where the next `print` begins.
 */
function* printStatements(code: string, original: string): Generator<string | undefined> {
  const keywords = code.matchAll(/\bprintf?\b/g);
  let next = keywords.next();
  let inPrint = false;
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    if (!next.done && next.value.index === k) {
      inPrint = true;
      depth = 0;
      k += next.value[0].length - 1;
      next = keywords.next();
      continue;
    }
    if (!inPrint) continue;
    const c = code.charAt(k);
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if ((c === ";" || c === "}" || c === "\n") && depth <= 0) inPrint = false;
    else if (c === ">" && depth <= 0) {
      const target =
        /^>{1,2}[ \t]*("(?:[^"\\\n]|\\.)*"|\S+)/.exec(original.slice(k, k + 4096))?.[1] ?? "";
      yield STDIO.test(target) ? undefined : `> ${target}`;
      inPrint = false;
    }
  }
}
