import { ApprovalInterruptedError } from "./errors.js";
import type { ApprovalChannel } from "../core/approval.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalReasonCode,
  ApprovalRequest,
} from "./types.js";

/**
 * Asks `provider` and returns an outcome that can be trusted (safety invariants 1 and 3):
 * an approval for another hash or without an approver becomes a denial, and a provider error
 * becomes `denied` with `channel_error`. Ctrl-C (`ApprovalInterruptedError`) and an aborted
 * `signal` are rethrown so the engine can abort the run.
 */
export async function requestApproval(
  provider: ApprovalProvider,
  request: ApprovalRequest,
  options: ApprovalOptions,
): Promise<ApprovalOutcome> {
  let outcome: ApprovalOutcome;
  try {
    outcome = await provider.request(request, options);
  } catch (error) {
    if (error instanceof ApprovalInterruptedError || options.signal.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    return deniedOutcome(request, provider.channel, "channel_error", detail);
  }
  return enforceBinding(request, outcome);
}

/** Pure: downgrades an approval that is not bound to the requested hash or to a person. */
export function enforceBinding(
  request: ApprovalRequest,
  outcome: ApprovalOutcome,
): ApprovalOutcome {
  if (outcome.decision !== "approved") return outcome;
  if (outcome.stepHash !== request.stepHash) {
    return {
      ...outcome,
      decision: "denied",
      reasonCode: "hash_mismatch",
      detail: `approved ${outcome.stepHash}, requested ${request.stepHash}`,
    };
  }
  if (outcome.approver === undefined || outcome.approver.trim() === "") {
    return { ...outcome, decision: "denied", reasonCode: "unknown_approver" };
  }
  return outcome;
}

/** A denial nobody answered, e.g. a failed channel. */
export function deniedOutcome(
  request: ApprovalRequest,
  channel: ApprovalChannel,
  reasonCode: ApprovalReasonCode,
  detail?: string,
): ApprovalOutcome {
  const outcome = {
    decision: "denied" as const,
    approver: undefined,
    channel,
    stepHash: request.stepHash,
    at: new Date().toISOString(),
    reasonCode,
  };
  return detail === undefined ? outcome : { ...outcome, detail };
}
