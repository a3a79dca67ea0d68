import type { Node } from "web-tree-sitter";
import type { ShellPosition } from "./types.js";
import { type Offset } from "./words.js";
/** The stages of a pipeline node (its named children; `|` and `|&` are anonymous). */
export declare function stagesOf(node: Node): Node[];
/**
 * Where the first syntax error is: the first MISSING node, or inside the first ERROR node
 * the first token tree-sitter could not place (an ERROR node often starts at valid code it
 * swallowed, e.g. the `ls` before a broken `if`).
 */
export declare function firstSyntaxError(root: Node, offset: Offset): ShellPosition | undefined;
