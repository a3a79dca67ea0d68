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
/**
 * Where tree-sitter-bash reads `source` unlike bash (`ShellAnalysis.misread`): a line break
 * folded into a command (`ls ==⏎rm x`, `a | b | c⏎d`), into a variable name (`sort < f $⏎rm`),
 * into one word (`foo \` \`⏎rm`) or a redirect's target (`sort < \f⏎rm`), a heredoc's body
 * read as words (`bash <<E⏎\\rm x⏎E`). One pass over the tree with a cursor.
 */
export declare function firstMisread(root: Node, source: string, offset: Offset): ShellPosition | undefined;
