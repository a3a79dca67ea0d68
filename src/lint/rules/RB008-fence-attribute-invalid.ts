import { attributeIssues } from "../attributes.js";
import type { LintRule, RuleReport } from "../types.js";

/** RB008: an attribute the runner cannot read is silently dropped (`risk=high`, `timeout=5m`…). */
export const fenceAttributeInvalid: LintRule = {
  id: "RB008",
  alias: "fence-attribute-invalid",
  description:
    "Malformed, duplicate or invalid fence attribute (`risk`, `timeout`, `name`); the runner ignores it.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const block of runbook.codeBlocks) {
      if (block.stepIndex === undefined || block.kind !== "fenced" || !block.executable) continue;
      for (const issue of attributeIssues(block, runbook.lines)) {
        if (issue.kind === "unknown") continue;
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
