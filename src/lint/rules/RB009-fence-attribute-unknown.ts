import { attributeIssues } from "../attributes.js";
import type { LintRule, RuleReport } from "../types.js";

/** RB009: an attribute the runner does not know (often a typo of `risk`, `timeout` or `name`). */
export const fenceAttributeUnknown: LintRule = {
  id: "RB009",
  alias: "fence-attribute-unknown",
  description: "Unknown fence attribute; only `risk`, `timeout` and `name` are read.",
  defaultSeverity: "warning",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const block of runbook.codeBlocks) {
      if (block.stepIndex === undefined || block.kind !== "fenced" || !block.executable) continue;
      for (const issue of attributeIssues(block, runbook.lines)) {
        if (issue.kind !== "unknown") continue;
        reports.push({
          line: block.line,
          column: issue.column,
          message: issue.message,
          fix: issue.fix,
        });
      }
    }
    return reports;
  },
};
