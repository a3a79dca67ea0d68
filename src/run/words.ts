import type { ApprovalOutcome } from "../gate/types.js";
import { formatDuration } from "../core/duration.js";
import type { OperatorChoicePayload } from "../audit/records.js";
import type { RerunChoice } from "../plan/resume.js";

// The sentences the engine records and shows for what stopped a step or a run. They say what
// happened: a timeout is "nobody answered", never "the operator aborted".

/** Why a step did not pass its gate, e.g. `approval timed out: nobody answered within 15m 00s`. */
export function denialDetail(outcome: ApprovalOutcome, timeoutMs: number): string {
  const why = outcome.detail ?? outcome.reasonCode;
  if (outcome.decision === "timed_out")
    return `approval timed out: nobody answered within ${formatDuration(timeoutMs)} (${why})`;
  return `approval ${outcome.decision} (${why})`;
}

/** Why the operator question ended the run, from the recorded answer. */
export function operatorStopReason(
  answer: Pick<OperatorChoicePayload, "how" | "by" | "channel">,
  timeoutMs: number,
): string {
  const where = answer.channel === "slack" ? " in Slack" : "";
  switch (answer.how) {
    case "answered":
      return `${answer.by ?? "the operator"} chose to abort${where}`;
    case "timeout":
      return `nobody answered what to do next${where} within ${formatDuration(timeoutMs)}`;
    case "input_ended":
      return "the terminal's input ended before anyone answered what to do next";
    case "interrupted":
      return "the run was interrupted";
    case "channel_error":
      return "the question what to do next could not be asked in Slack";
    case "conflict":
      return "the answers in Slack disagreed";
    case "no_operator":
      return "there is no operator to ask (stdin is not a terminal and Slack is not configured)";
  }
}

/** Why an interrupted step runs again or not, e.g. `… has no result; run again: --rerun-interrupted`. */
export function rerunDetail(choice: RerunChoice, where: string): string {
  const verdict = choice.rerun ? "run again" : "not run again";
  switch (choice.how) {
    case "flag":
      return `${where}; ${verdict}: --rerun-interrupted`;
    case "answered":
      return `${where}; ${verdict}: answered at the terminal by ${choice.by ?? "the operator"}`;
    case "timeout":
      return `${where}; ${verdict}: nobody answered in time`;
    case "input_ended":
      return `${where}; ${verdict}: the terminal's input ended before an answer`;
    case "interrupted":
      return `${where}; ${verdict}: Ctrl-C at the question`;
  }
}
