import type { Reason, RiskLevel, RiskSource } from "../core/risk.js";
import type { Step } from "../core/runbook.js";
import { stepHash } from "./step-hash.js";
import type { AssessedStep } from "../risk/assess.js";

/**
 * What a run does with a step before any gate: run it, or skip it for a reason known at plan
 * time (it has nothing to execute, it is before `--from-step`, or a resumed run already did it).
 */
export const STEP_DISPOSITIONS = ["run", "no_command", "not_selected", "already_done"] as const;
export type StepDisposition = (typeof STEP_DISPOSITIONS)[number];

/** One step as the run engine sees it. */
export interface PlannedStep {
  readonly step: Step;
  /** sha256 of the exact scripts and interpreters: what an approval is bound to. */
  readonly stepHash: string;
  readonly risk: RiskLevel;
  readonly riskSource: RiskSource;
  readonly reasons: readonly Reason[];
  /** Above the auto-approve level: a human must approve this hash before it runs. */
  readonly needsApproval: boolean;
  readonly timeoutSeconds: number;
  readonly disposition: StepDisposition;
}

/** What decides each step's disposition and timeout. */
export interface PlanOptions {
  /** Default per-step timeout; a fence's `timeout=` wins. */
  readonly timeoutSeconds: number;
  /** First step to run (`--from-step`); earlier ones are `not_selected`. */
  readonly fromStep: number;
  /** Steps a resumed run treats as done (`--resume`); they are `already_done`. */
  readonly alreadyDone: ReadonlySet<number>;
}

/** Pure: the run plan from the assessed steps (see `finishAssessment`). */
export function planSteps(assessed: readonly AssessedStep[], options: PlanOptions): PlannedStep[] {
  return assessed.map(({ step, risk, riskSource, reasons, needsApproval }) => ({
    step,
    stepHash: stepHash(step.commands),
    risk,
    riskSource,
    reasons,
    needsApproval,
    timeoutSeconds: step.timeoutSeconds ?? options.timeoutSeconds,
    disposition: dispositionOf(step.index, step.commands.length, options),
  }));
}

function dispositionOf(index: number, commands: number, options: PlanOptions): StepDisposition {
  if (options.alreadyDone.has(index)) return "already_done";
  if (index < options.fromStep) return "not_selected";
  if (commands === 0) return "no_command";
  return "run";
}
