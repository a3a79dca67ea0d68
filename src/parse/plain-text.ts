import type { MarkdownNode } from "./markdown-node.js";

/**
 * Plain text of a node per the parsing rules: inline code kept in backticks, link text
 * kept, emphasis dropped, code blocks left out. Block children are joined by newlines.
 */
export function plainText(node: MarkdownNode): string {
  return collapse(render(node));
}

/** The text a node contributes by itself, or `undefined` when it is its children's text. */
function ownText(node: MarkdownNode): string | undefined {
  switch (node.type) {
    case "text":
      return node.value ?? "";
    case "inlineCode":
      return `\`${node.value ?? ""}\``;
    case "break":
      return "\n";
    case "code":
    case "yaml":
    case "html":
    case "definition":
    case "footnoteDefinition":
    case "thematicBreak":
      return "";
    case "image":
      return node.alt ?? "";
    default:
      return node.children === undefined ? "" : undefined;
  }
}

const BLOCK_TYPES = new Set([
  "paragraph",
  "heading",
  "list",
  "listItem",
  "blockquote",
  "table",
  "tableRow",
]);

interface Frame {
  readonly node: MarkdownNode;
  readonly parts: string[];
  next: number;
}

/**
 * Non-empty child texts joined by newlines when a child is a block, else directly; walked with
 * an explicit stack so deeply nested emphasis or quotes cannot overflow the call stack.
 */
function render(root: MarkdownNode): string {
  const own = ownText(root);
  if (own !== undefined || root.children === undefined) return own ?? "";
  const stack: Frame[] = [{ node: root, parts: [], next: 0 }];
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    const siblings = frame.node.children ?? [];
    const child = siblings[frame.next];
    frame.next += 1;
    if (child !== undefined) {
      const text = ownText(child);
      if (text === undefined && child.children !== undefined)
        stack.push({ node: child, parts: [], next: 0 });
      else if (text !== undefined && text !== "") frame.parts.push(text);
      continue;
    }
    stack.pop();
    const separator = siblings.some((node) => BLOCK_TYPES.has(node.type)) ? "\n" : "";
    const joined = frame.parts.join(separator);
    const parent = stack.at(-1);
    if (parent === undefined) return joined;
    if (joined !== "") parent.parts.push(joined);
  }
  return "";
}

function collapse(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
