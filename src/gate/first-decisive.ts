import { requestApproval } from "./request.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalReasonCode,
  ApprovalRequest,
} from "./types.js";

/** Answers a person gave: they end the request on every channel. */
const DECISIVE: ReadonlySet<ApprovalReasonCode> = new Set([
  "approved",
  "answered_no",
  "default_no",
]);

/** Whether an outcome is a person's answer (approve or deny) rather than a channel giving up. */
export function isDecisive(outcome: ApprovalOutcome): boolean {
  return DECISIVE.has(outcome.reasonCode);
}

/**
 * Asks every provider at once; the first decisive answer wins and the others are withdrawn
 * (safety invariant 14). When no channel gets an answer, the first channel's non-answer is
 * returned: a denial or a timeout (invariant 3).
 */
export function firstDecisive(providers: readonly ApprovalProvider[]): ApprovalProvider {
  const [first] = providers;
  if (first === undefined) throw new Error("firstDecisive needs at least one provider");
  if (providers.length === 1) return first;
  return {
    channel: first.channel,
    request: (request, options) => askAll(providers, request, options),
  };
}

async function askAll(
  providers: readonly ApprovalProvider[],
  request: ApprovalRequest,
  options: ApprovalOptions,
): Promise<ApprovalOutcome> {
  const withdraw = new AbortController();
  const signal = AbortSignal.any([options.signal, withdraw.signal]);
  const asked = providers.map((provider) =>
    requestApproval(provider, request, { ...options, signal }),
  );
  try {
    return await new Promise<ApprovalOutcome>((resolve, reject) => {
      const settled: (ApprovalOutcome | undefined)[] = providers.map(() => undefined);
      let pending = providers.length;
      asked.forEach((promise, i) => {
        promise.then(
          (outcome) => {
            settled[i] = outcome;
            pending -= 1;
            if (isDecisive(outcome)) resolve(outcome);
            else if (pending === 0) resolve(settled.find((o) => o !== undefined) ?? outcome);
          },
          (error: unknown) => reject(error),
        );
      });
    });
  } finally {
    withdraw.abort(new Error("another approval channel answered"));
  }
}
