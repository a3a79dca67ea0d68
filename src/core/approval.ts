/** What an approval channel can answer. Everything that is not `approved` stops the step. */
export const APPROVAL_DECISIONS = ["approved", "denied", "timed_out"] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** The channels a person answers through (the gate's providers). */
export const APPROVAL_CHANNELS = [
  "terminal",
  "slack",
  "github_comment",
  "github_environment",
  "mcp",
] as const;
export type ApprovalChannel = (typeof APPROVAL_CHANNELS)[number];

/**
 * Every channel an audit `approval` record names: the people's channels, plus `auto` (at or
 * below the auto-approve level) and `resume` (a step re-approved when a run resumes).
 */
export const RECORDED_APPROVAL_CHANNELS = ["auto", ...APPROVAL_CHANNELS, "resume"] as const;
export type RecordedApprovalChannel = (typeof RECORDED_APPROVAL_CHANNELS)[number];
