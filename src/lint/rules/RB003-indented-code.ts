import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";
import { stepBlocks } from "../step-blocks.js";

/** RB003: an indented (4-space) code block in a step is never run. */
export const indentedCode: LintRule = {
  id: "RB003",
  alias: "indented-code",
  description: "Indented code block in a step is never run; commands need a fenced block.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const { block, step } of stepBlocks(runbook)) {
      if (block.kind !== "indented") continue;
      reports.push({
        line: block.line,
        column: block.column,
        message: `Unexpected indented code block in ${stepLabel(step)}, expected a fenced block with a language; indented blocks never run`,
        fix: "Wrap the code in a ```bash fence (or ```text if it is output) indented under the item, and remove the extra 4-space indent",
      });
    }
    return reports;
  },
};
