import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";
import { stepBlocks } from "../step-blocks.js";

/** RB004: an empty fence in a step: the command the author meant to paste is missing. */
export const emptyFence: LintRule = {
  id: "RB004",
  alias: "empty-fence",
  description: "Empty fence in a step: the command is missing.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const { block, step } of stepBlocks(runbook)) {
      if (block.kind !== "fenced" || block.value.trim() !== "") continue;
      reports.push({
        line: block.line,
        column: block.column,
        message: `Unexpected empty fence in ${stepLabel(step)}, expected a command inside it`,
        fix: "Put the command between the fence lines, or delete the empty fence",
      });
    }
    return reports;
  },
};
