import type { Node } from "web-tree-sitter";
import type { ShellPosition } from "./types.js";
import { type Offset, positionOf } from "./words.js";

/** The stages of a pipeline node (its named children; `|` and `|&` are anonymous). */
export function stagesOf(node: Node): Node[] {
  const out: Node[] = [];
  for (const child of node.namedChildren) if (child !== null) out.push(child);
  return out;
}

/** The first ERROR or MISSING node in document order, if the tree has any. */
export function firstSyntaxError(root: Node, offset: Offset): ShellPosition | undefined {
  if (!root.hasError) return undefined;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.isError || node.isMissing) return positionOf(node, offset);
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child !== null && (child.hasError || child.isMissing)) stack.push(child);
    }
  }
  return positionOf(root, offset);
}
