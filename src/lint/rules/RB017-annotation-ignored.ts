import { riskRank } from "../../core/risk.js";
import { fenceInfo } from "../fence-info.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/** RB017: `risk=read_only` on a command the rules find riskier is ignored (annotations only raise). */
export const annotationIgnored: LintRule = {
  id: "RB017",
  alias: "annotation-ignored",
  description:
    "`risk=` annotation below the rules' verdict; annotations may only raise the risk, so it is ignored.",
  defaultSeverity: "warning",
  check({ runbook, verdict }) {
    const reports: RuleReport[] = [];
    for (const step of runbook.steps) {
      const annotated = step.annotatedRisk;
      if (annotated === undefined) continue;
      const rules = verdict(step);
      if (riskRank(annotated) >= riskRank(rules.risk)) continue;
      const fence = step.commands.find((c) =>
        c.attributes.some((a) => a.key === "risk" && a.value === annotated),
      );
      const block = runbook.codeBlocks.find(
        (b) => b.line === fence?.line && b.column === fence.column,
      );
      const token =
        block === undefined
          ? undefined
          : fenceInfo(block, runbook.lines).attributes.find((t) => t.text.startsWith("risk="));
      const why = rules.reasons[0]?.message;
      reports.push({
        line: fence?.line ?? step.line,
        column: token?.column ?? fence?.column ?? step.column,
        message: `Unexpected \`risk=${annotated}\` on ${stepLabel(step)}, expected at least \`${rules.risk}\`, the rules' verdict${why === undefined ? "" : ` (${why})`}; an annotation can only raise the risk, so it is ignored`,
        fix: `Remove the annotation, or write \`risk=${rules.risk}\``,
      });
    }
    return reports;
  },
};
