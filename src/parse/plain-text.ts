import type { Nodes, Parents } from "mdast";

/**
 * Plain text of a node per the parsing rules: inline code kept in backticks, link text
 * kept, emphasis dropped, code blocks left out. Block children are joined by newlines.
 */
export function plainText(node: Nodes): string {
  return collapse(render(node));
}

function render(node: Nodes): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "inlineCode":
      return `\`${node.value}\``;
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
    case "imageReference":
      return node.alt ?? "";
    default:
      return "children" in node ? renderChildren(node) : "";
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

function renderChildren(node: Parents): string {
  const parts: string[] = [];
  for (const child of node.children) {
    const text = render(child);
    if (text === "") continue;
    parts.push(text);
  }
  const separator = node.children.some((child) => BLOCK_TYPES.has(child.type)) ? "\n" : "";
  return parts.join(separator);
}

function collapse(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
