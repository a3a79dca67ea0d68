import { RunbookExecError } from "../../core/errors.js";
import { RISK_LEVELS, riskRank, type RiskLevel } from "../../core/risk.js";
import { renderPlanSummary } from "../../present/action/run-summary.js";
import type { ActionInputs, PLAN_OUTPUTS } from "./inputs.js";
import { planFromInputs, type ActionPlan } from "./prepare.js";
import type { ActionDeps } from "./ports.js";
import type { RunInputs } from "./run-inputs.js";

/**
 * The environment the execute job should run in: the one `environments` names for the riskiest
 * step that needs approval, or for the next level up; `""` when nothing needs approval or no
 * environments are configured.
 * @throws RunbookExecError (`USAGE`) when a step needs more than any configured environment covers.
 */
export function chooseEnvironment(
  plan: Pick<ActionPlan, "prepared">,
  environments: ReadonlyMap<RiskLevel, string>,
): string {
  const gated = plan.prepared.steps.filter(
    (planned) => planned.disposition === "run" && planned.needsApproval,
  );
  if (gated.length === 0 || environments.size === 0) return "";
  const highest = Math.max(...gated.map((planned) => riskRank(planned.risk)));
  const level = RISK_LEVELS.slice(highest).find((candidate) => environments.has(candidate));
  const environment = level === undefined ? undefined : environments.get(level);
  if (environment === undefined) {
    throw new RunbookExecError(
      "USAGE",
      `A ${RISK_LEVELS[highest] ?? "risky"} step needs approval but \`environments\` names no environment ` +
        `for that level or above; add a line like \`${RISK_LEVELS[highest] ?? "destructive"}=production\`.`,
    );
  }
  return environment;
}

/** `command: plan`: the plan's hash, highest risk, approvals needed and environment. Runs nothing. */
export async function planCommand(
  inputs: ActionInputs,
  run: RunInputs,
  deps: ActionDeps,
): Promise<void> {
  const plan = await planFromInputs(inputs, run, deps);
  const environment = chooseEnvironment(plan, run.environments);
  const outputs: Record<(typeof PLAN_OUTPUTS)[number], string> = {
    "plan-hash": plan.planHash,
    "max-risk": plan.maxRisk ?? "none",
    "needs-approval": String(plan.needsApproval),
    environment,
  };
  for (const [name, value] of Object.entries(outputs)) {
    deps.io.setOutput(name as (typeof PLAN_OUTPUTS)[number], value);
  }
  deps.io.info(
    `Plan ${plan.planHash}: ${plan.prepared.steps.length} step(s), highest risk ${outputs["max-risk"]}, ` +
      `${plan.needsApproval} need approval${environment === "" ? "" : `, environment ${environment}`}.`,
  );
  await deps.io.writeSummary(
    renderPlanSummary({
      runbookPath: plan.prepared.shownPath,
      title: plan.prepared.runbook.title,
      planHash: plan.planHash,
      steps: plan.prepared.steps,
      maxRisk: plan.maxRisk,
      needsApproval: plan.needsApproval,
      environment,
    }),
  );
}
