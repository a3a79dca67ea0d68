import type { Node } from "web-tree-sitter";
import type { ShellWord } from "./types.js";

/** Node types whose value is only known at run time. */
const DYNAMIC_TYPES: ReadonlySet<string> = new Set([
  "simple_expansion",
  "expansion",
  "command_substitution",
  "process_substitution",
  "arithmetic_expansion",
]);

/** Where an inner script sits in its outer script, to report outer positions. */
export interface Offset {
  /** Outer line of the inner script's first line, 0-based. */
  readonly row: number;
  /** Outer column of the inner script's first character, 0-based. */
  readonly column: number;
}

/** The offset of a top-level script. */
export const NO_OFFSET: Offset = { row: 0, column: 0 };

/** 1-based outer position of a node of a (possibly inner) script. */
export function positionOf(node: Node, offset: Offset): { line: number; column: number } {
  const { row, column } = node.startPosition;
  return { line: offset.row + row + 1, column: (row === 0 ? offset.column : 0) + column + 1 };
}

interface Parts {
  value: string;
  dynamic: boolean;
  quoted: boolean;
}

/**
 * Whether a bare word holds an unescaped `{…,…}` or `{x..y}`, which bash expands into several
 * words. One pass: each character is inside at most one pair of braces looked at.
 */
function expandsBraces(text: string): boolean {
  let open = -1;
  for (let at = 0; at < text.length; at++) {
    const c = text.charAt(at);
    if (c === "\\") at++;
    else if (c === "{") open = at;
    else if (c === "}" && open !== -1) {
      const inner = text.slice(open + 1, at);
      if (inner.includes(",") || inner.includes("..")) return true;
      open = -1;
    }
  }
  return false;
}

/** Backslash escapes outside quotes: `\x` → `x`, backslash-newline disappears. */
function unescapeBare(text: string): string {
  return text.replace(/\\(\n|.)/g, (_m, c: string) => (c === "\n" ? "" : c));
}

/** Inside double quotes only `\$ \` \" \\` and backslash-newline are escapes. */
function unescapeDouble(text: string): string {
  return text.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === "\n" ? "" : c));
}

const ANSI_C: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

/**
 * `$'…'` escapes as bash decodes them: `\xHH`, octal, `\uHHHH`, `\UHHHHHHHH`, `\cX` and the
 * letters; `undefined` for any other escape, which the word then counts as dynamic (read
 * literally, `$'…\u003b…'` hid a `;` and the command after it).
 */
function unescapeAnsiC(text: string): string | undefined {
  let unknown = false;
  const value = text.replace(
    /\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|c[\s\S]|[0-7]{1,3}|[\s\S])/g,
    (m, c: string) => {
      if (/^[xuU]./.test(c)) {
        const code = parseInt(c.slice(1), 16);
        if (code > 0x10ffff) unknown = true;
        return code > 0x10ffff ? m : String.fromCodePoint(code);
      }
      if (c.length === 2 && c.startsWith("c")) return String.fromCharCode(c.charCodeAt(1) & 0x1f);
      if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8) & 0xff);
      const known = ANSI_C[c];
      if (known === undefined) unknown = true;
      return known ?? m;
    },
  );
  return unknown ? undefined : value;
}

// `node.text` crosses into WebAssembly each time it is read: each node's text is read once.
function collect(node: Node, into: Parts, text: string = node.text): void {
  const type = node.type;
  if (DYNAMIC_TYPES.has(type)) {
    into.value += text;
    into.dynamic = true;
    return;
  }
  switch (type) {
    case "word":
      if (text.includes("\\")) into.quoted = true;
      // Brace expansion makes several words of one (`find {/x,-delete}` is `find /x -delete`).
      if (expandsBraces(text)) into.dynamic = true;
      into.value += unescapeBare(text);
      return;
    case "raw_string":
      into.quoted = true;
      into.value += text.slice(1, -1);
      return;
    case "ansi_c_string": {
      into.quoted = true;
      const value = unescapeAnsiC(text.slice(2, -1));
      if (value === undefined) into.dynamic = true;
      into.value += value ?? text;
      return;
    }
    case "string_content":
      into.value += unescapeDouble(text);
      return;
    case "string":
    case "translated_string": {
      into.quoted = true;
      // What tree-sitter leaves between a string's pieces is the string's own text, line breaks
      // above all (`ssh web1 "ls⏎rm -rf x"` is two commands, not `ls rm -rf x`); a gap that
      // could be more than literal text makes the word dynamic.
      const start = node.startIndex;
      let previousEnd = -1;
      for (const child of node.children) {
        if (child === null) continue;
        if (previousEnd !== -1) {
          const gap = text.slice(previousEnd - start, child.startIndex - start);
          if (/[\\$`]/.test(gap)) into.dynamic = true;
          into.value += gap;
        }
        previousEnd = child.endIndex;
        if (child.isNamed) collect(child, into);
      }
      return;
    }
    case "concatenation":
      for (const child of node.children) {
        if (child === null) continue;
        if (child.isNamed) collect(child, into);
        else into.value += child.text;
      }
      return;
    default:
      // number, brace_expression and anything unforeseen: keep the text; an unknown node
      // type with children might hide an expansion, so it counts as dynamic.
      into.value += text;
      if (node.namedChildCount > 0 || type === "brace_expression") into.dynamic = true;
  }
}

/** Build a {@link ShellWord} from an argument-like node. */
export function wordOf(node: Node, offset: Offset): ShellWord {
  const parts: Parts = { value: "", dynamic: false, quoted: false };
  const raw = node.text;
  collect(node, parts, raw);
  const { line, column } = positionOf(node, offset);
  // Written out: V8 took two microseconds a word to spread the parts and the position.
  return { value: parts.value, dynamic: parts.dynamic, quoted: parts.quoted, raw, line, column };
}

/** A word made up by the analyser (e.g. ssh's remote command split back out). */
export function syntheticWord(value: string, at: { line: number; column: number }): ShellWord {
  return { value, raw: value, dynamic: false, quoted: false, line: at.line, column: at.column };
}
