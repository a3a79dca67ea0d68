import type { Node, Parser } from "web-tree-sitter";
import { joinContinuations } from "./continuations.js";
import type { ShellPosition } from "./types.js";
import { NO_OFFSET, positionOf } from "./words.js";

/** Which shell language really runs a script. */
export type ShellDialect = "bash" | "posix" | "zsh";

/** The dialect of the program that runs a fence (`/bin/sh` is dash on Debian and Ubuntu). */
export function dialectOf(program: string): ShellDialect | undefined {
  const name = program.slice(program.lastIndexOf("/") + 1);
  if (name === "bash") return "bash";
  if (/^(sh|dash|ash|busybox|posh|ksh|mksh)$/.test(name)) return "posix";
  if (name === "zsh") return "zsh";
  return undefined;
}

/** A construct of bash that `sh` (dash) or zsh reads differently. */
export interface BashOnly extends ShellPosition {
  readonly construct: string;
}

const BY_TYPE: Readonly<Record<string, string>> = {
  ansi_c_string: "$'…'",
  translated_string: '$"…"',
  array: "arrays",
  subscript: "arrays",
  brace_expression: "brace expansion",
  herestring_redirect: "<<<",
  process_substitution: "<(…)",
  c_style_for_statement: "for ((…))",
};

function constructOf(node: Node): string | undefined {
  const known = BY_TYPE[node.type];
  if (known !== undefined) return known;
  const text = node.text;
  if (node.type === "compound_statement" && text.startsWith("((")) return "((…))";
  if (node.type === "test_command" && text.startsWith("[[")) return "[[ … ]]";
  if (node.type === "function_definition" && text.startsWith("function")) return "function";
  if (node.type === "file_redirect" && /^\d*&>/.test(text)) return "&>";
  if (node.type === "pipeline" && node.children.some((c) => c?.type === "|&")) return "|&";
  if (node.type === "select_statement") return "select";
  if (
    (node.type === "word" || node.type === "concatenation") &&
    /(^|[^$\\])\{[^{}\s'"]*,[^{}\s'"]*\}/.test(text)
  )
    return "brace expansion";
  return undefined;
}

/** Bash-only constructs in a script, in source order (an empty list for a portable script). */
export function bashOnlyConstructs(parser: Parser, script: string): BashOnly[] {
  const tree = parser.parse(joinContinuations(script));
  if (tree === null) return [];
  const out: BashOnly[] = [];
  const stack: Node[] = [tree.rootNode];
  try {
    while (stack.length > 0 && out.length < 50) {
      const node = stack.pop();
      if (node === undefined) break;
      const construct = constructOf(node);
      if (construct !== undefined) out.push({ construct, ...positionOf(node, NO_OFFSET) });
      for (let i = node.childCount - 1; i >= 0; i--) {
        const child = node.child(i);
        if (child !== null) stack.push(child);
      }
    }
  } finally {
    tree.delete();
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The script as dash reads it, for the one construct whose meaning changes rather than
 * failing: `((…))` is an arithmetic no-op to bash and two nested subshells to dash, so
 * `((rm -r -f , dir))` deletes `dir` under `sh`.
 */
export function asDashReadsIt(parser: Parser, script: string): string {
  const joined = joinContinuations(script);
  const tree = parser.parse(joined);
  if (tree === null) return joined;
  const arithmetic: string[] = [];
  const stack: Node[] = [tree.rootNode];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (
      node.type === "compound_statement" &&
      node.text.startsWith("((") &&
      node.text.endsWith("))")
    )
      arithmetic.push(node.text);
    else for (const child of node.children) if (child !== null) stack.push(child);
  }
  tree.delete();
  let out = joined;
  let from = 0;
  for (const text of arithmetic.reverse()) {
    const at = out.indexOf(text, from);
    if (at < 0) continue;
    const subshells = `( (${text.slice(2, -2)}) )`;
    out = out.slice(0, at) + subshells + out.slice(at + text.length);
    from = at + subshells.length;
  }
  return out;
}
