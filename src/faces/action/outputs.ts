import type { Totals } from "../../app/totals.js";

import type { FailOn, VALIDATE_OUTPUTS } from "./inputs.js";

/** The action's outputs; `max-risk` is `none` without steps, `sarif-file` `""` when not written. */
export function actionOutputs(
  totals: Totals,
  sarifFile: string | undefined,
): Record<(typeof VALIDATE_OUTPUTS)[number], string> {
  return {
    runbooks: String(totals.runbooks),
    steps: String(totals.steps),
    errors: String(totals.errors),
    warnings: String(totals.warnings),
    "max-risk": totals.maxRisk ?? "none",
    "needs-approval": String(totals.needsApproval),
    "sarif-file": sarifFile ?? "",
  };
}

/** Whether the findings fail the step under `fail-on`. */
export function failsOn(totals: Totals, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  if (failOn === "warning") return totals.errors + totals.warnings > 0;
  return totals.errors > 0;
}
