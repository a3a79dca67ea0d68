import type { CodeBlock, IgnoredList, Runbook } from "../../core/runbook.js";
import type { LintRule, RuleReport } from "../types.js";

/** Runnable fences inside the list: lines after it until one is indented less than its marker. */
function fencesIn(list: IgnoredList, runbook: Runbook): CodeBlock[] {
  let end = runbook.lines.length;
  for (let i = list.line; i < runbook.lines.length; i++) {
    const text = runbook.lines[i] ?? "";
    if (text.trim() === "") continue;
    if (text.length - text.trimStart().length < list.column - 1) {
      end = i;
      break;
    }
  }
  return runbook.codeBlocks.filter(
    (b) => b.line > list.line && b.line <= end && b.stepIndex === undefined && b.executable,
  );
}

/** RB007: a numbered list nested in a bullet item makes no steps, so its commands never run. */
export const listInBullet: LintRule = {
  id: "RB007",
  alias: "list-in-bullet",
  description: "Numbered list inside a bullet item is not a list of steps; its commands never run.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const list of runbook.ignoredLists) {
      const fences = fencesIn(list, runbook);
      if (fences.length === 0) continue;
      const lines = fences.map((f) => f.line).join(", ");
      reports.push({
        line: list.line,
        column: list.column,
        message: `Unexpected numbered list inside a bullet item, expected steps in a top-level numbered list; ${fences.length === 1 ? `its fence on line ${lines} never runs` : `its fences on lines ${lines} never run`}`,
        fix: "Move the numbered list out of the bullet (start its items at the left margin), or make the bullet itself a numbered step",
      });
    }
    return reports;
  },
};
