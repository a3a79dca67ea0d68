/**
 * Join line continuations the way bash does before it reads a command: a backslash followed
 * by a newline is removed outside single quotes, comments and heredoc bodies, so `r\⏎m -rf x`
 * is the command `rm -rf x`. The removed newlines are put back after the end of the logical
 * line, so every later line keeps its number. A backslash that starts a line (`\rm`) is
 * written `''rm`, which bash reads as the same word and tree-sitter-bash as a new command.
 */
export function joinContinuations(script: string): string {
  if (!script.includes("\\\n") && !/(^|\n)[ \t]*\\/.test(script)) return script;
  let out = "";
  let owed = 0;
  let quote: "" | "'" | '"' | "$'" = "";
  let comment = false;
  /** Only blanks so far on this line (outside quotes). */
  let lineStart = true;
  const heredocs: { delimiter: string; strip: boolean }[] = [];
  /** `"…$(…)…"`: parentheses open in each command substitution entered from double quotes. */
  const substitutions: number[] = [];
  let i = 0;
  while (i < script.length) {
    const c = script.charAt(i);
    if (c === "\n") {
      lineStart = quote === "";
      out += "\n" + "\n".repeat(quote === "" ? owed : 0);
      if (quote === "") owed = 0;
      comment = false;
      i++;
      if (quote === "" && heredocs.length > 0)
        i = copyHeredocs(script, i, heredocs, (t) => (out += t));
      continue;
    }
    if (comment) {
      out += c;
      i++;
      continue;
    }
    if (c !== " " && c !== "\t" && c !== "\\") lineStart = false;
    if (c === "\\" && quote !== "'") {
      const next = script.charAt(i + 1);
      if (next === "\n" && quote !== "$'") {
        owed++;
        i += 2;
        continue;
      }
      if (quote === "" && lineStart) {
        // tree-sitter-bash glues `\rm` at the start of a line to the line before
        // (`export A=1⏎\rm -rf /` becomes one declaration); `''rm` is the same word to bash.
        out += `''${next}`;
        lineStart = false;
        i += 2;
        continue;
      }
      out += c + next;
      i += 2;
      continue;
    }
    if (quote !== "") {
      if ((quote === "'" || quote === "$'") && c === "'") quote = "";
      else if (quote === '"' && c === '"') quote = "";
      else if (quote === '"' && c === "$" && script.charAt(i + 1) === "(") {
        substitutions.push(0);
        quote = "";
        out += "$(";
        i += 2;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (substitutions.length > 0 && (c === "(" || c === ")")) {
      const open = substitutions.pop() ?? 0;
      if (c === "(") substitutions.push(open + 1);
      else if (open > 0) substitutions.push(open - 1);
      else quote = '"';
    }
    if (c === "#" && (i === 0 || /[\s;&|()]/.test(script.charAt(i - 1)))) comment = true;
    else if (c === "'") quote = script.charAt(i - 1) === "$" ? "$'" : "'";
    else if (c === '"') quote = '"';
    else if (c === "<" && script.startsWith("<<", i) && script.charAt(i + 2) !== "<") {
      const m = /^<<(-?)\s*(['"]?)([^\s'";&|<>()]+)\2/.exec(script.slice(i));
      if (m !== null) {
        heredocs.push({ delimiter: m[3] ?? "", strip: m[1] === "-" });
        out += m[0];
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out + "\n".repeat(owed);
}

/** Copy heredoc bodies verbatim (each up to its delimiter line); returns where the script resumes. */
function copyHeredocs(
  script: string,
  from: number,
  heredocs: { delimiter: string; strip: boolean }[],
  emit: (text: string) => void,
): number {
  let i = from;
  for (const { delimiter, strip } of heredocs.splice(0)) {
    while (i < script.length) {
      const end = script.indexOf("\n", i);
      const line = script.slice(i, end < 0 ? undefined : end);
      emit(end < 0 ? line : `${line}\n`);
      i = end < 0 ? script.length : end + 1;
      if ((strip ? line.replace(/^\t+/, "") : line) === delimiter) break;
    }
  }
  return i;
}
