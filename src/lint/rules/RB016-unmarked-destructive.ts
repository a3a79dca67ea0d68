import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/** RB016: the rules find a step destructive but the author did not say so. */
export const unmarkedDestructive: LintRule = {
  id: "RB016",
  alias: "unmarked-destructive",
  description: "Destructive step without `risk=destructive` on its fence; it will need approval.",
  defaultSeverity: "warning",
  check({ runbook, verdict }) {
    const reports: RuleReport[] = [];
    for (const step of runbook.steps) {
      const first = step.commands[0];
      if (first === undefined || step.annotatedRisk === "destructive") continue;
      const rules = verdict(step);
      if (rules.risk !== "destructive") continue;
      const why = rules.reasons[0]?.message;
      reports.push({
        line: first.line,
        column: first.column,
        message: `Unexpected destructive ${stepLabel(step)} without \`risk=destructive\`, expected it marked so readers see it will need approval${why === undefined ? "" : ` (${why})`}`,
        fix: `Mark the fence: \`\`\`${first.language === "" ? "bash" : first.language} {risk=destructive}`,
      });
    }
    return reports;
  },
};
