import type { CodeBlock } from "../core/runbook.js";

/** One word of a fence's info string, with its 1-based column in the runbook. */
export interface InfoToken {
  readonly text: string;
  readonly column: number;
}

/** The words of a fence's info string as written: `{`, `}`, `key=value` (quotes kept) and bare words. */
const TOKEN = /[^\s{}"'=]+=(?:"[^"]*"|'[^']*'|[^\s{}]*)|[^\s{}]+|[{}]/g;

/**
 * Splits the opening fence line into the language and the attribute tokens, with columns.
 * Read from the source (not the parsed `meta`) so findings point at the exact word.
 */
export function fenceInfo(
  block: CodeBlock,
  lines: readonly string[],
): { language: InfoToken | undefined; attributes: readonly InfoToken[] } {
  const from = block.column - 1;
  const line = (lines[block.line - 1] ?? "").slice(from);
  const fence = /^(`{3,}|~{3,})/.exec(line)?.[0].length ?? 0;
  const tokens: InfoToken[] = [];
  for (const match of line.slice(fence).matchAll(TOKEN)) {
    tokens.push({ text: match[0], column: from + fence + match.index + 1 });
  }
  const first = tokens[0];
  const hasLanguage = first !== undefined && first.text !== "{" && !first.text.includes("=");
  return {
    language: hasLanguage ? first : undefined,
    attributes: hasLanguage ? tokens.slice(1) : tokens,
  };
}
