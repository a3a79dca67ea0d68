import type { CodeBlock } from "../../core/runbook.js";
import type { LintRule, RuleReport } from "../types.js";

/** The fence marker a block opens with (```` ``` ```` or `~~~`, three or more). */
const OPENING = /^(`{3,}|~{3,})/;
/** A closing fence line once block-quote markers and indentation are removed. */
const CLOSING = /^(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_PREFIX = /^[ \t>]*/;

function openingMarker(block: CodeBlock, lines: readonly string[]): string | undefined {
  return OPENING.exec((lines[block.line - 1] ?? "").slice(block.column - 1))?.[1];
}

/** Whether `block` ends on a line that closes it: same character, at least as long (CommonMark). */
function isClosed(opening: string, block: CodeBlock, lines: readonly string[]): boolean {
  if (block.endLine <= block.line) return false;
  const last = (lines[block.endLine - 1] ?? "").replace(CONTAINER_PREFIX, "");
  const closing = CLOSING.exec(last)?.[1];
  return closing !== undefined && closing[0] === opening[0] && closing.length >= opening.length;
}

/** A Markdown code span that can hold backticks (```` `` ``` `` ````). */
function codeSpan(marker: string): string {
  return marker.startsWith("`") ? `\`\` ${marker} \`\`` : `\`${marker}\``;
}

/**
 * RB024: a fence that is never closed runs to the end of its list item, quote or file, so the
 * text after it (often the next steps) becomes part of the script or is lost.
 */
export const unclosedFence: LintRule = {
  id: "RB024",
  alias: "unclosed-fence",
  description:
    "Fence is never closed; it swallows the text after it, up to the end of its item, quote or file.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const block of runbook.codeBlocks) {
      if (block.kind !== "fenced") continue;
      const opening = openingMarker(block, runbook.lines);
      if (opening === undefined || isClosed(opening, block, runbook.lines)) continue;
      const marker = codeSpan(opening);
      reports.push({
        line: block.line,
        column: block.column,
        message: `Unexpected fence without a closing ${marker} line, expected one after the code; everything after it in its list item, quote or file becomes part of the block`,
        fix: `Add a line ${marker}, indented like the opening fence, right after the last line of code`,
      });
    }
    return reports;
  },
};
