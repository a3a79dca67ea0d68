/** What the operator may choose after a failure or a denial. */
export const OPERATOR_CHOICES = ["continue", "retry", "skip", "abort"] as const;
export type OperatorChoice = (typeof OPERATOR_CHOICES)[number];

/**
 * How an answer to the operator question came about: a person `answered` (Enter for the
 * default included), or nobody did and the choice is `abort` because the question timed out,
 * its input ended, the run was interrupted, the channel failed, or Slack answers disagreed.
 */
export const OPERATOR_ANSWER_KINDS = [
  "answered",
  "timeout",
  "input_ended",
  "interrupted",
  "channel_error",
  "conflict",
] as const;
export type OperatorAnswerKind = (typeof OPERATOR_ANSWER_KINDS)[number];
