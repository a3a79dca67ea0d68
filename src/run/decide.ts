import type { DecisionPayload } from "../audit/records.js";
import type { StepResult } from "../execute/types.js";
import type { Decision, DecisionInput } from "../llm/types.js";
import type { PlannedStep } from "../plan/plan.js";
import { combinedOutput } from "./records.js";

/** A post-step decision reduced to what the engine may do with it (safety invariant 7). */
export interface AppliedDecision {
  readonly action: "continue" | "skip_forward" | "abort";
  /** Pending steps after the current one that will not run; never the current or an earlier one. */
  readonly skip: readonly number[];
}

/**
 * Pure: keeps only what invariant 7 allows. `skip` may only name steps that are still pending
 * after `current`; anything else is dropped, and a skip that names none becomes `continue`.
 * A decision can only remove steps or stop the run: it never adds, repeats or approves one.
 */
export function applyDecision(
  decision: Decision,
  current: number,
  pending: readonly number[],
): AppliedDecision {
  if (decision.action === "abort") return { action: "abort", skip: [] };
  if (decision.action !== "skip") return { action: "continue", skip: [] };
  const allowed = new Set(pending.filter((index) => index > current));
  const skip = [...new Set(decision.skipSteps)].filter((index) => allowed.has(index));
  skip.sort((a, b) => a - b);
  return skip.length === 0 ? { action: "continue", skip: [] } : { action: "skip_forward", skip };
}

/** The `decision` audit record: what was asked for, what was applied, and where the run goes on. */
export function decisionPayload(
  afterStep: number,
  decision: Decision,
  applied: AppliedDecision,
  pending: readonly number[],
): DecisionPayload {
  const skipped = new Set(applied.skip);
  const next = pending.find((index) => index > afterStep && !skipped.has(index));
  return {
    afterStep,
    action: applied.action,
    toStep: applied.action === "skip_forward" ? (next ?? null) : null,
    skipSteps: applied.skip,
    source: decisionSource(decision),
    rationale: decision.source === "llm" ? decision.reasoning : (decision.fallbackReason ?? null),
  };
}

/**
 * `malformed` when the model answered but the answer did not validate, `default` when there was
 * no usable answer for another reason (timeout, API error). The decision model reports both as
 * `fallback`; its validation failures are the ones that start with "malformed answer".
 */
function decisionSource(decision: Decision): DecisionPayload["source"] {
  if (decision.source === "llm") return "llm";
  return decision.fallbackReason?.startsWith("malformed answer") === true ? "malformed" : "default";
}

/** The decision model's contract is never to throw; if it does anyway, that is an error: continue. */
export function continueOnError(promise: Promise<Decision>): Promise<Decision> {
  return promise.catch((error: unknown) => ({
    action: "continue",
    skipSteps: [],
    reasoning: "",
    source: "fallback",
    fallbackReason: `decision failed: ${error instanceof Error ? error.message : String(error)}`,
  }));
}

/** What the decision model sees after a successful step: it, its output, the steps still pending. */
export function decisionInput(
  runbookTitle: string,
  planned: PlannedStep,
  result: StepResult,
  pending: readonly PlannedStep[],
): DecisionInput {
  return {
    runbookTitle,
    step: planned.step,
    exitCode: result.exitCode ?? 0,
    output: combinedOutput(result),
    remaining: pending.map((later) => ({
      index: later.step.index,
      text: later.step.text,
      risk: later.risk,
    })),
  };
}
