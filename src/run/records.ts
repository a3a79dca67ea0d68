import type { ApprovalOutcome } from "../gate/types.js";
import type {
  ApprovalPayload,
  OutputExcerpt,
  SkipReason,
  StepPlannedPayload,
  StepResultPayload,
  StepSkippedPayload,
} from "../audit/records.js";
import type { StepResult } from "../execute/types.js";
import type { PlannedStep } from "../plan/plan.js";
import { shownParameters } from "../plan/parameters.js";

// Pure builders of the step-level audit payloads the engine writes.

/** A `step_planned` record: the step, its hash, risk, reasons and whether it needs approval. */
export function plannedPayload(planned: PlannedStep): StepPlannedPayload {
  return {
    step: planned.step.index,
    stepHash: planned.stepHash,
    line: planned.step.line,
    name: planned.step.name ?? null,
    section: planned.step.section,
    text: planned.step.text,
    risk: planned.risk,
    riskSource: planned.riskSource,
    reasons: planned.reasons,
    needsApproval: planned.needsApproval,
    ...(planned.parameters.length > 0 && { parameters: shownParameters(planned.parameters) }),
  };
}

/** The record of a step at or below the auto-approve level: approved by policy, no person. */
export function autoApprovalPayload(planned: PlannedStep): ApprovalPayload {
  return {
    step: planned.step.index,
    stepHash: planned.stepHash,
    decision: "approved",
    channel: "auto",
    approver: null,
    detail: `risk ${planned.risk} is within the auto-approve level`,
  };
}

/** The audit record of a channel's answer (a hash mismatch is in `detail`, from the gate). */
export function approvalPayload(planned: PlannedStep, outcome: ApprovalOutcome): ApprovalPayload {
  return {
    step: planned.step.index,
    stepHash: planned.stepHash,
    decision: outcome.decision,
    channel: outcome.channel,
    approver: outcome.approver ?? null,
    detail:
      outcome.detail === undefined
        ? outcome.reasonCode
        : `${outcome.reasonCode}: ${outcome.detail}`,
    decidedAt: outcome.at,
    ...(outcome.evidence !== undefined && {
      evidence: {
        approvers: outcome.evidence.approvers.map(({ id, name }) => ({ id, name })),
        message: outcome.evidence.message ?? null,
        hashShown: outcome.evidence.hashShown ?? null,
        ...(outcome.evidence.link !== undefined && { link: outcome.evidence.link }),
        ...(outcome.evidence.answeredAt !== undefined && {
          answeredAt: outcome.evidence.answeredAt,
        }),
      },
    }),
  };
}

/** A `step_skipped` record: the step, why it did not run, and a sentence for people. */
export function skippedPayload(
  planned: PlannedStep,
  reason: SkipReason,
  detail: string | null,
): StepSkippedPayload {
  return { step: planned.step.index, stepHash: planned.stepHash, reason, detail };
}

/** A `step_result` record: how the step ended and its output excerpt (redacted by the writer). */
export function resultPayload(planned: PlannedStep, result: StepResult): StepResultPayload {
  return {
    step: planned.step.index,
    stepHash: planned.stepHash,
    status: result.failed ? "failed" : "succeeded",
    exitCode: result.exitCode,
    signal: result.signal,
    timedOut: result.timedOut,
    durationMs: result.durationMs,
    output: outputExcerpt(result),
  };
}

/**
 * One excerpt for both streams: stdout, then stderr under a marker. The writer redacts and caps
 * it; the byte counts stay exact.
 */
export function outputExcerpt(result: StepResult): OutputExcerpt {
  const labelled = (stdout: string, stderr: string): string =>
    stderr === ""
      ? stdout
      : `${stdout}${stdout === "" || stdout.endsWith("\n") ? "" : "\n"}[stderr]\n${stderr}`;
  return {
    head: labelled(result.stdoutHead, result.stderrHead),
    tail: labelled(result.stdoutTail, result.stderrTail),
    stdoutBytes: result.stdoutBytes,
    stderrBytes: result.stderrBytes,
    truncated: result.truncated,
  };
}

/** The step's output as one text for the decision model: head, a marker where bytes were dropped, tail. */
export function combinedOutput(result: StepResult): string {
  const { head, tail, truncated, stdoutBytes, stderrBytes } = outputExcerpt(result);
  if (!truncated) return head + tail;
  return `${head}\n[… output cut: ${stdoutBytes + stderrBytes} bytes in all …]\n${tail}`;
}
