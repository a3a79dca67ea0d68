import type { ShellPosition } from "../shell/types.js";
import type { SourcePosition } from "./types.js";

/**
 * Maps positions in a fence's script back to the runbook. The script is the fence body with
 * the item's indentation removed (and, for `console`, prompts stripped and output dropped),
 * so each script line is the tail of one source line: find them in order.
 */
export function scriptLocator(
  lines: readonly string[],
  fence: SourcePosition & { readonly endLine: number },
  script: string,
): (position: ShellPosition) => SourcePosition {
  const rows: SourcePosition[] = [];
  let next = fence.line; // 0-based index of the first body line
  for (const text of script.split("\n")) {
    let found = -1;
    for (let i = next; i < fence.endLine && i < lines.length; i++) {
      if ((lines[i] ?? "").endsWith(text)) {
        found = i;
        break;
      }
    }
    if (found === -1) {
      rows.push({ line: fence.line, column: fence.column });
      continue;
    }
    rows.push({ line: found + 1, column: (lines[found] ?? "").length - text.length + 1 });
    next = found + 1;
  }
  return ({ line, column }) => {
    const row = rows[line - 1];
    return row === undefined
      ? { line: fence.line, column: fence.column }
      : { line: row.line, column: row.column + column - 1 };
  };
}

/** The same for an inline code span (`inline_code_commands = true`): the script follows the backticks. */
export function inlineLocator(
  lines: readonly string[],
  span: SourcePosition,
): (position: ShellPosition) => SourcePosition {
  const ticks = /^`+/.exec((lines[span.line - 1] ?? "").slice(span.column - 1))?.[0].length ?? 1;
  return ({ line, column }) => ({
    line: span.line + line - 1,
    column: line === 1 ? span.column + ticks + column - 1 : column,
  });
}
