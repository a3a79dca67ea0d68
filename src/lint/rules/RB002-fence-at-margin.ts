import type { CodeBlock, Step } from "../../core/runbook.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

const MARKER = /^(\d{1,9}[.)])([ \t]*)/;
const SNIPPET_BODY_LINES = 5;

/** Column where the item's content starts (after `1. `), per CommonMark's list item rules. */
function contentColumn(step: Step, lines: readonly string[]): number {
  const match = MARKER.exec((lines[step.line - 1] ?? "").slice(step.column - 1));
  if (match === null) return step.column + 3;
  const [, marker = "", spaces = ""] = match;
  // Five or more spaces after the marker start an indented code block: content is one space in.
  const gap = spaces.length === 0 || spaces.length > 4 ? 1 : spaces.length;
  return step.column + marker.length + gap;
}

/** The fence as it should be written (long bodies elided), for the fix. */
function indentedSnippet(block: CodeBlock, lines: readonly string[], indent: number): string {
  const at = block.column - 1;
  const pad = " ".repeat(indent);
  // Insert after the block's own prefix (indentation, or `> ` in a block quote).
  const source = lines
    .slice(block.line - 1, block.endLine)
    .map((l) =>
      /^[\s>]*$/.test(l.slice(0, at)) ? `${l.slice(0, at)}${pad}${l.slice(at)}` : pad + l,
    );
  const body = source.slice(1, -1);
  const shown =
    body.length > SNIPPET_BODY_LINES
      ? [source[0] ?? "", ...body.slice(0, SNIPPET_BODY_LINES - 1), `${pad}…`, source.at(-1) ?? ""]
      : source;
  return shown.map((l) => (l.trim() === "" ? "" : l)).join("\n");
}

/** RB002: the most common authoring mistake, a fence at the margin right after a step. */
export const fenceAtMargin: LintRule = {
  id: "RB002",
  alias: "fence-at-margin",
  description: "Fence at the left margin after a step is not part of the step and never runs.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const block of runbook.codeBlocks) {
      const step = runbook.steps[(block.followsStepIndex ?? 0) - 1];
      if (block.kind !== "fenced" || !block.executable || step === undefined) continue;
      const indent = Math.max(1, contentColumn(step, runbook.lines) - block.column);
      const spaces = `${indent} space${indent === 1 ? "" : "s"}`;
      reports.push({
        line: block.line,
        column: block.column,
        message: `Unexpected fence at the left margin after ${stepLabel(step)}, expected it indented under the step; as written it belongs to no step and never runs`,
        fix: `Indent the fence by ${spaces} so it belongs to ${stepLabel(step)}:\n\n${indentedSnippet(block, runbook.lines, indent)}`,
      });
    }
    return reports;
  },
};
