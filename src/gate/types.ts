import type { ApprovalChannel, ApprovalDecision } from "../core/approval.js";
import type { Reason, RiskLevel, RiskSource } from "../core/risk.js";
import type { Interpreter } from "../core/runbook.js";

/** Why a decision was reached; recorded in the audit log. */
export const APPROVAL_REASON_CODES = [
  /** A person answered yes. */
  "approved",
  /** A person answered something other than yes. */
  "answered_no",
  /** A destructive step's prompt got something other than the code it showed. */
  "wrong_code",
  /** A person pressed Enter: the default is No. */
  "default_no",
  /** Nobody answered within `approval_timeout_seconds`. */
  "timeout",
  /** The input ended before an answer (EOF). */
  "eof",
  /** No terminal to ask and no other channel configured. */
  "no_channel",
  /** The channel failed (network, API error…). */
  "channel_error",
  /** The channel approved a different step hash than the one requested. */
  "hash_mismatch",
  /** The channel approved without saying who approved. */
  "unknown_approver",
  /** The person closed the question without answering (an MCP client's `cancel`). */
  "dismissed",
  /**
   * An answer came back that the channel did not ask for: no server-minted request state, a
   * tampered, expired or replayed one, or one for another step (safety invariant 13).
   */
  "refused_answer",
  /** The step's risk is above what this channel may approve (`mcp_max_approval_level`). */
  "above_channel_cap",
] as const;
export type ApprovalReasonCode = (typeof APPROVAL_REASON_CODES)[number];

/** A fenced script as shown to the approver. */
export interface ApprovalCommand {
  readonly language: string;
  readonly script: string;
  /**
   * The program that runs it. When given, the approver also sees the exact command line, which
   * matters when `[interpreters]` maps a language to something like `ssh db-1 bash -s`.
   */
  readonly interpreter?: Interpreter;
  /** True when the fence says `detach=true`: what it starts outlives the step. */
  readonly detach?: boolean;
}

/** Everything an approver sees. All strings are untrusted runbook text. */
export interface ApprovalRequest {
  readonly runbookPath: string;
  readonly runbookTitle: string;
  readonly step: {
    readonly index: number;
    readonly section: string;
    readonly text: string;
    readonly risk: RiskLevel;
    readonly riskSource: RiskSource;
    readonly reasons: readonly Reason[];
    readonly commands: readonly ApprovalCommand[];
    /**
     * Parameters the scripts receive as environment variables, values as shown to people
     * (secret ones already `***`). Part of what the step hash binds.
     */
    readonly parameters?: readonly { readonly name: string; readonly value: string }[];
  };
  /** sha256 of the step's exact scripts and interpreters (safety invariant 1). */
  readonly stepHash: string;
}

/** The answer, bound to the hash that was approved. */
export interface ApprovalOutcome {
  readonly decision: ApprovalDecision;
  /** Who answered; `undefined` when nobody did (timeout, EOF, no channel). */
  readonly approver: string | undefined;
  readonly channel: ApprovalChannel;
  /** The hash the approver saw; must equal the request's or the outcome is denied. */
  readonly stepHash: string;
  /** ISO 8601 time of the decision. */
  readonly at: string;
  readonly reasonCode: ApprovalReasonCode;
  /** A sentence for people, e.g. the channel's error. */
  readonly detail?: string;
  /** What the channel can show of who answered and where (recorded in the audit log). */
  readonly evidence?: ApprovalEvidence;
  /** Channels still asking when this answer won; their requests were withdrawn. */
  readonly withdrawn?: readonly ApprovalChannel[];
}

/** A channel's proof of an answer, e.g. Slack's user IDs and the message they reacted to. */
export interface ApprovalEvidence {
  /** Everyone whose answer counted, by the channel's stable ID and display name. */
  readonly approvers: readonly { readonly id: string; readonly name: string }[];
  /** The message that carried the request (Slack: channel ID and `ts`). */
  readonly message?: { readonly channel: string; readonly ts: string };
  /** The step hash as the request showed it (Slack shows a 12-hex prefix). */
  readonly hashShown?: string;
  /** Where the deciding answer can be read (GitHub: the comment's URL). */
  readonly link?: string;
  /** When the deciding answer was written, by the channel's clock (ISO 8601). */
  readonly answeredAt?: string;
}

/** Per-request limits. */
export interface ApprovalOptions {
  /** Aborting ends the request: the promise rejects with the signal's reason. */
  readonly signal: AbortSignal;
  /** `approval_timeout_seconds` in ms; separate from the command timeout. Expiry → `timed_out`. */
  readonly timeoutMs: number;
  /**
   * Given when several channels are asked at once. A channel that has its answer calls it before
   * it shows the outcome where it asked (Slack's message updated, GitHub's decision comment):
   * `true` makes that answer the decision whatever another channel says meanwhile; `false` means
   * another channel decided first, the signal is aborted with why, and the channel must show that
   * instead, so no channel ever shows an outcome the run did not follow (invariant 14).
   */
  readonly claim?: (outcome: ApprovalOutcome) => boolean;
}

/**
 * A channel that asks a person to approve one step. Implementations resolve with an outcome
 * for every answer and every failure they recognise; they may reject with
 * `ApprovalInterruptedError` (the user pressed Ctrl-C) or the signal's reason (aborted).
 * Call them through `requestApproval`, which turns any other rejection into a denial.
 */
export interface ApprovalProvider {
  readonly channel: ApprovalChannel;
  /**
   * True when the channel answers from what it already holds, asking nobody (a GitHub
   * environment's recorded approval). Several channels ask such a channel first and the others
   * only when it does not decide, so nobody is asked about a step already decided (invariant 14).
   */
  readonly standing?: boolean;
  request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome>;
}
