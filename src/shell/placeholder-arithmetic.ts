import type { Node, Parser } from "web-tree-sitter";
import type { PlaceholderUse } from "../core/runbook.js";

const ARITHMETIC_TEST_OPERATORS = new Set(["-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-v", "-R"]);
/** Builtins that evaluate their operands as arithmetic or as variable names (with subscripts). */
const NAME_TAKING_BUILTINS = new Set([
  "let",
  "declare",
  "typeset",
  "local",
  "export",
  "readonly",
  "unset",
  "read",
  "mapfile",
  "readarray",
]);

/**
 * Start offsets (in the written script) of rewritten references that the shell would evaluate
 * as arithmetic or as a variable name (`$(( … ))`, `[[ … -eq … ]]`, subscripts, `let`,
 * `declare NAME`…), where a value such as `a[$(id)]` runs as code.
 */
export function arithmeticSites(
  parser: Parser,
  rewritten: { readonly script: string; readonly placeholders: readonly PlaceholderUse[] },
): Set<number> {
  const found = new Set<number>();
  const tree = parser.parse(rewritten.script);
  if (tree === null) return found;
  for (const use of rewritten.placeholders) {
    if (use.binding.kind !== "bound") continue;
    const leaf = tree.rootNode.descendantForIndex(use.binding.start, use.binding.end);
    // Sites are keyed by where the placeholder itself starts (after any quote it absorbed).
    const absorbed = use.binding.writtenEnd - use.binding.writtenStart - use.text.length;
    if (leaf !== null && isArithmetic(leaf))
      found.add(use.binding.writtenStart + (absorbed > 0 ? 1 : 0));
  }
  tree.delete();
  return found;
}

function isArithmetic(leaf: Node): boolean {
  // `export TOKEN="${X}"`: an assignment's value is data; only the name part is evaluated.
  let inAssignedValue = false;
  for (
    let node: Node | null = leaf, from: Node | null = null;
    node !== null;
    from = node, node = node.parent
  ) {
    if (node.type === "variable_assignment" && from !== null)
      inAssignedValue ||= node.childForFieldName("value")?.equals(from) === true;
    switch (node.type) {
      case "arithmetic_expansion":
      case "subscript":
      case "c_style_for_statement":
        return true;
      case "compound_statement":
        if (node.text.startsWith("((")) return true;
        break;
      case "binary_expression":
      case "unary_expression": {
        const operator = node.childForFieldName("operator")?.text ?? node.child(0)?.text ?? "";
        if (ARITHMETIC_TEST_OPERATORS.has(operator)) return true;
        break;
      }
      case "command":
      case "declaration_command":
      case "unset_command": {
        const name = node.childForFieldName("name")?.text ?? node.child(0)?.text ?? "";
        if (name === "let" || (NAME_TAKING_BUILTINS.has(name) && !inAssignedValue)) return true;
        break;
      }
      default:
        break;
    }
  }
  return false;
}
