import type { Node } from "web-tree-sitter";
import type { ShellPosition } from "./types.js";
import { type Offset, positionOf } from "./words.js";

/** The stages of a pipeline node (its named children; `|` and `|&` are anonymous). */
export function stagesOf(node: Node): Node[] {
  const out: Node[] = [];
  for (const child of node.namedChildren) if (child !== null) out.push(child);
  return out;
}

/**
 * Where the first syntax error is: the first MISSING node, or inside the first ERROR node
 * the first token tree-sitter could not place (an ERROR node often starts at valid code it
 * swallowed, e.g. the `ls` before a broken `if`).
 */
export function firstSyntaxError(root: Node, offset: Offset): ShellPosition | undefined {
  if (!root.hasError) return undefined;
  let node: Node = root;
  for (;;) {
    if (node.isMissing) return positionOf(node, offset);
    let next: Node | undefined;
    for (const child of node.children) {
      if (child === null) continue;
      if (child.isError || child.isMissing || child.hasError) {
        next = child;
        break;
      }
      if (node.isError && !child.isNamed) return positionOf(child, offset);
    }
    if (next === undefined) return positionOf(node, offset);
    node = next;
  }
}

/**
 * What may stand between two children of a node, for the nodes whose children are the words of
 * one command: bash separates words by blanks alone and joins the parts of one word with
 * nothing between them. Anything else there is text tree-sitter-bash folded in or set aside.
 */
const GAPS: Readonly<Record<string, RegExp>> = {
  command: /^[ \t]*$/,
  declaration_command: /^[ \t]*$/,
  unset_command: /^[ \t]*$/,
  file_redirect: /^[ \t]*$/,
  herestring_redirect: /^[ \t]*$/,
  concatenation: /^$/,
  simple_expansion: /^$/,
  variable_assignment: /^$/,
};

/**
 * Where tree-sitter-bash reads `source` unlike bash (`ShellAnalysis.misread`): a line break
 * folded into a command (`ls ==⏎rm x`, `a | b | c⏎d`), into a variable name (`sort < f $⏎rm`),
 * into one word (`foo \` \`⏎rm`) or a redirect's target (`sort < \f⏎rm`), a heredoc's body
 * read as words (`bash <<E⏎\\rm x⏎E`). One pass over the tree with a cursor.
 */
export function firstMisread(
  root: Node,
  source: string,
  offset: Offset,
): ShellPosition | undefined {
  const cursor = root.walk();
  try {
    for (;;) {
      const gaps = GAPS[cursor.nodeType];
      if (gaps !== undefined && cursor.gotoFirstChild()) {
        let previousEnd = cursor.endIndex;
        while (cursor.gotoNextSibling()) {
          if (!gaps.test(source.slice(previousEnd, cursor.startIndex)))
            return positionOf(cursor.currentNode, offset);
          previousEnd = cursor.endIndex;
        }
        cursor.gotoParent();
      } else if (cursor.nodeType === "heredoc_redirect" && cursor.gotoFirstChild()) {
        // A body whose first line starts with a backslash is read as words of the redirect:
        // words past the end of the line the heredoc starts on.
        const lineEnd = source.indexOf("\n", cursor.startIndex);
        do {
          const type: string = cursor.nodeType;
          if (type === "word" && lineEnd !== -1 && cursor.endIndex > lineEnd)
            return positionOf(cursor.currentNode, offset);
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      } else if (misreadLeaf(cursor.nodeType, cursor.startIndex, cursor.endIndex, source)) {
        return positionOf(cursor.currentNode, offset);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return undefined;
    }
  } finally {
    cursor.delete();
  }
}

/**
 * A `[ … ]` over lines (`[` is a plain command: a line break ends it, and the next line runs),
 * or a comment bash does not see: a `#` starts a comment only after an unescaped blank, a line
 * break or an operator (`ls \\ #; rm x` runs rm; so does `ls \f#; rm x`).
 */
function misreadLeaf(type: string, start: number, end: number, source: string): boolean {
  if (type === "test_command")
    return (
      source.startsWith("[", start) &&
      !source.startsWith("[[", start) &&
      source.slice(start, end).includes("\n")
    );
  if (type !== "comment" || start === 0) return false;
  const before = source.charAt(start - 1);
  if (before === "\n" || ";&|()<>".includes(before)) return false;
  if (before !== " " && before !== "\t") return true;
  let backslashes = 0;
  while (source.charAt(start - 2 - backslashes) === "\\") backslashes++;
  return backslashes % 2 === 1;
}
