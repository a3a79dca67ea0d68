import type { ApprovalOutcome } from "./types.js";

/**
 * The reason a request is aborted with when another channel answered first (safety invariant
 * 14): the withdrawn channel tells its audience who decided where, e.g. "approved in the
 * terminal by alice".
 */
export class ApprovalWithdrawnError extends Error {
  override readonly name = "ApprovalWithdrawnError";

  constructor(readonly winner: ApprovalOutcome) {
    super(describeWinner(winner));
  }
}

const CHANNEL_NAMES: Readonly<Record<ApprovalOutcome["channel"], string>> = {
  terminal: "the terminal",
  slack: "Slack",
  github_comment: "a GitHub comment",
  github_environment: "a GitHub environment",
  mcp: "the MCP client",
};

/** "approved in the terminal by alice", "denied in Slack by bob". */
export function describeWinner(outcome: ApprovalOutcome): string {
  const verb = outcome.decision === "approved" ? "approved" : "denied";
  const by = outcome.approver === undefined ? "" : ` by ${outcome.approver}`;
  return `${verb} in ${CHANNEL_NAMES[outcome.channel]}${by}`;
}
