/** A line and column in the runbook's text, both 1-based. */
export interface MarkdownPoint {
    readonly line: number;
    readonly column: number;
}
/** The kinds of node the Markdown reader produces: mdast's names, for the constructs it parses. */
export type MarkdownNodeType = "root" | "fragment" | "blockquote" | "break" | "code" | "definition" | "delete" | "emphasis" | "footnoteDefinition" | "footnoteReference" | "heading" | "html" | "image" | "inlineCode" | "link" | "list" | "listItem" | "paragraph" | "strong" | "table" | "tableCell" | "tableRow" | "text" | "thematicBreak" | "yaml";
/**
 * One node of the tree read from micromark's events: the shape of an mdast node, with only the
 * fields the runbook parser reads (inline nodes carry no position). Containers have `children`;
 * literals (`text`, `inlineCode`, `code`, `html`, `yaml`) a `value`; images an `alt`.
 */
export interface MarkdownNode {
    readonly type: MarkdownNodeType;
    children?: MarkdownNode[];
    value?: string;
    alt?: string | null;
    /** `code`: the info string's first word and the rest, `null` when absent. */
    lang?: string | null;
    meta?: string | null;
    /** `list`: whether it is ordered (`1.`, `1)`). */
    ordered?: boolean;
    /** `listItem`: a GFM task list item's check (`[x]`, `[ ]`). */
    checked?: boolean;
    /** Where the node starts; block nodes and inline code only. */
    start?: MarkdownPoint;
    /** The line where the node ends; block nodes and inline code only. */
    endLine?: number;
}
