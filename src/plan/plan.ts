import type { Reason, RiskLevel, RiskSource } from "../core/risk.js";
import type { Step } from "../core/runbook.js";
import { stepHash } from "./step-hash.js";
import type { AssessedStep } from "../risk/assess.js";
import { stepParameters, type ParameterSpec, type StepParameter } from "./parameters.js";

/**
 * What a run does with a step before any gate: run it, or skip it for a reason known at plan
 * time (it has nothing to execute, it is before `--from-step`, or a resumed run already did it).
 */
export const STEP_DISPOSITIONS = ["run", "no_command", "not_selected", "already_done"] as const;
export type StepDisposition = (typeof STEP_DISPOSITIONS)[number];

/** One step as the run engine sees it. */
export interface PlannedStep {
  readonly step: Step;
  /** sha256 of the exact scripts, interpreters and parameters: what an approval is bound to. */
  readonly stepHash: string;
  /** The parameters the step receives as environment variables (secret ones flagged). */
  readonly parameters: readonly StepParameter[];
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
  /** The runbook's parameters and the run's values for them; none when absent. */
  readonly parameters?: {
    readonly specs: readonly ParameterSpec[];
    readonly values: Readonly<Record<string, string>>;
  };
}

/** Pure: the run plan from the assessed steps (see `finishAssessment`). */
export function planSteps(assessed: readonly AssessedStep[], options: PlanOptions): PlannedStep[] {
  const { specs = [], values = {} } = options.parameters ?? {};
  return assessed.map(({ step, risk, riskSource, reasons, needsApproval }) => {
    const parameters = stepParameters(step, specs, values);
    return {
      step,
      stepHash: stepHash(step.commands, parameters),
      parameters,
      risk,
      riskSource,
      reasons,
      needsApproval,
      timeoutSeconds: step.timeoutSeconds ?? options.timeoutSeconds,
      disposition: dispositionOf(step.index, step.commands.length, options),
    };
  });
}

function dispositionOf(index: number, commands: number, options: PlanOptions): StepDisposition {
  if (options.alreadyDone.has(index)) return "already_done";
  if (index < options.fromStep) return "not_selected";
  if (commands === 0) return "no_command";
  return "run";
}
