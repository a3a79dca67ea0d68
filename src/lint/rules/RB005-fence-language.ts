import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";
import { stepBlocks } from "../step-blocks.js";

/** RB005: a fence without a language runs with the default shell, which may not be meant. */
export const fenceLanguage: LintRule = {
  id: "RB005",
  alias: "fence-language",
  description: "Fence in a step has no language; it runs with the default shell.",
  defaultSeverity: "warning",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const { block, step } of stepBlocks(runbook)) {
      if (block.kind !== "fenced" || block.language !== "" || !block.executable) continue;
      reports.push({
        line: block.line,
        column: block.column,
        message: `Unexpected fence without a language in ${stepLabel(step)}, expected one such as \`bash\`; it runs with the default shell`,
        fix: "Write ```bash (or ```sh, ```console) to say how it runs, or ```text if it is output that must not run",
      });
    }
    return reports;
  },
};
