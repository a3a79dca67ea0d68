import type { RunbookExecError } from "../core/errors.js";
import type { ValidationReport } from "../core/report.js";
import { maxRisk, type RiskLevel } from "../core/risk.js";
/** Counts over a whole validation, shown on top of the summary and set as outputs. */
export interface Totals {
  readonly runbooks: number;
  readonly steps: number;
  /** Error findings plus unreadable files. */
  readonly errors: number;
  readonly warnings: number;
  readonly notices: number;
  /** Highest step risk; `undefined` when there are no steps. */
  readonly maxRisk: RiskLevel | undefined;
  /** Steps that would wait for an approval when run. */
  readonly needsApproval: number;
}

/** Count runbooks, steps, findings by severity, the highest risk and the gated steps. */
export function computeTotals(
  report: ValidationReport,
  unreadable: readonly RunbookExecError[],
): Totals {
  let steps = 0;
  let errors = unreadable.length;
  let warnings = 0;
  let notices = 0;
  let highest: RiskLevel | undefined;
  let needsApproval = 0;
  for (const runbook of report.runbooks) {
    for (const step of runbook.steps) {
      steps += 1;
      highest = highest === undefined ? step.risk : maxRisk(highest, step.risk);
      if (step.needsApproval) needsApproval += 1;
    }
    for (const finding of runbook.findings) {
      if (finding.severity === "error") errors += 1;
      else if (finding.severity === "warning") warnings += 1;
      else notices += 1;
    }
  }
  return {
    runbooks: report.runbooks.length + unreadable.length,
    steps,
    errors,
    warnings,
    notices,
    maxRisk: highest,
    needsApproval,
  };
}
