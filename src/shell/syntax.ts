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
