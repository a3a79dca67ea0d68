/**
 * What a sed script does, read command by command (GNU sed 4.9 syntax): the closed-world
 * answer is `reads` only when every command is one that prints, edits the pattern space or
 * reads a file. `w`/`W`, `e` and the `s///w` / `s///e` flags write files or run commands.
 */
export type SedScript =
  | { readonly kind: "reads" }
  | { readonly kind: "writes"; readonly command: string }
  | { readonly kind: "unknown"; readonly at: string };

/** Commands that take no argument (or only a label / exit code to the end of the command). */
const SIMPLE = new Set([..."=dDgGhHlnNpPxzFq", "Q", "L"]);
const LABELLED = new Set(["b", "t", "T", ":"]);
const TEXT = new Set(["a", "i", "c"]);
const READ_FILE = new Set(["r", "R"]);

/** Skip one address: a number, `$`, `first~step`, `/re/I`, `\cREc`, `+N`, `~N`. */
function skipAddress(s: string, i: number): number {
  if (/[0-9$+~]/.test(s.charAt(i))) {
    let k = i;
    while (k < s.length && /[0-9$~+]/.test(s.charAt(k))) k++;
    return k;
  }
  const open = s.charAt(i);
  if (open !== "/" && open !== "\\") return i;
  const delimiter = open === "\\" ? s.charAt(i + 1) : "/";
  let k = open === "\\" ? i + 2 : i + 1;
  while (k < s.length && s.charAt(k) !== delimiter) k += s.charAt(k) === "\\" ? 2 : 1;
  k++;
  while (/[IM]/.test(s.charAt(k))) k++;
  return k;
}

/** End of a delimited part starting after its delimiter; returns the index of the closing one. */
function delimited(s: string, i: number, delimiter: string): number {
  let k = i;
  while (k < s.length && s.charAt(k) !== delimiter) {
    if (s.charAt(k) === "\n") return -1;
    k += s.charAt(k) === "\\" ? 2 : 1;
  }
  return k < s.length ? k : -1;
}

/** To the end of the command: a newline, or `;` / `}` for commands that allow them. */
function restOfLine(s: string, i: number): number {
  const nl = s.indexOf("\n", i);
  return nl < 0 ? s.length : nl;
}

function untilSeparator(s: string, i: number): number {
  let k = i;
  while (k < s.length && !/[;\n}]/.test(s.charAt(k))) k++;
  return k;
}

/** Read a sed script; `reads` only when every command is understood and none writes or runs. */
export function readSedScript(script: string): SedScript {
  const s = script;
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (/[\s;{}!]/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      i = restOfLine(s, i);
      continue;
    }
    const afterFirst = skipAddress(s, i);
    let k = afterFirst;
    if (afterFirst > i && s.charAt(k) === ",") k = skipAddress(s, k + 1);
    while (/[\s!]/.test(s.charAt(k)) && s.charAt(k) !== "\n") k++;
    const command = s.charAt(k);
    if (command === "{" || command === "}" || command === ";") {
      i = k + 1;
      continue;
    }
    if (command === "" && k > i) return { kind: "unknown", at: s.slice(i) };
    if (SIMPLE.has(command) || LABELLED.has(command)) {
      i = untilSeparator(s, k + 1);
      continue;
    }
    if (TEXT.has(command) || READ_FILE.has(command)) {
      i = restOfLine(s, k + 1);
      continue;
    }
    if (command === "w" || command === "W" || command === "e")
      return { kind: "writes", command: s.slice(k, restOfLine(s, k)) };
    if (command === "v") {
      i = untilSeparator(s, k + 1);
      continue;
    }
    if (command === "s" || command === "y") {
      const delimiter = s.charAt(k + 1);
      if (delimiter === "" || delimiter === "\n" || delimiter === "\\")
        return { kind: "unknown", at: s.slice(k) };
      const middle = delimited(s, k + 2, delimiter);
      const end = middle < 0 ? -1 : delimited(s, middle + 1, delimiter);
      if (end < 0) return { kind: "unknown", at: s.slice(k) };
      let f = end + 1;
      if (command === "s") {
        while (f < s.length && /[gpiImM0-9ew]/.test(s.charAt(f))) {
          if (s.charAt(f) === "w" || s.charAt(f) === "e")
            return { kind: "writes", command: s.slice(k, restOfLine(s, k)) };
          f++;
        }
      }
      i = f;
      continue;
    }
    return { kind: "unknown", at: s.slice(k, untilSeparator(s, k + 1)) || command };
  }
  return { kind: "reads" };
}
