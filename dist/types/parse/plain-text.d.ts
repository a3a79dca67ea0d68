import type { MarkdownNode } from "./markdown-node.js";
/**
 * Plain text of a node per the parsing rules: inline code kept in backticks, link text
 * kept, emphasis dropped, code blocks left out. Block children are joined by newlines.
 */
export declare function plainText(node: MarkdownNode): string;
