import type { SlackMessage } from "../../gate/slack-api.js";
import type { OperatorChoice, StepProblem } from "../../run/ports.js";
import { escapeInline, mention } from "./mrkdwn.js";

/** The reaction that picks each choice after a failure or a denial. */
export const CHOICE_REACTIONS: Readonly<Record<OperatorChoice, string>> = {
  continue: "arrow_forward",
  retry: "repeat",
  skip: "fast_forward",
  abort: "octagonal_sign",
};

/** What the question is about. */
export interface OperatorQuestionInfo {
  readonly stepIndex: number;
  readonly stepText: string;
  readonly problem: StepProblem;
  readonly detail: string;
  readonly retriesLeft: number;
  /** When no answer means abort (ISO 8601). */
  readonly deadline: string;
}

/** Where the question stands. */
export type OperatorMessageState =
  | { readonly kind: "pending" }
  | { readonly kind: "answered"; readonly choice: OperatorChoice; readonly by: string }
  | { readonly kind: "conflict" }
  | { readonly kind: "timed_out" }
  | { readonly kind: "failed"; readonly error: string }
  | { readonly kind: "withdrawn" };

/**
 * Pure: the question "continue, retry, skip or abort?" after a failed or denied step, with the
 * reactions and reply words that answer it; once answered, who chose what, without the call to
 * action.
 */
export function renderOperatorQuestion(
  info: OperatorQuestionInfo,
  state: OperatorMessageState,
): SlackMessage {
  const head = `Step ${info.stepIndex} ${info.problem}: ${escapeInline(info.detail)}`;
  const step = `_${escapeInline(info.stepText)}_`;
  const choices = (Object.keys(CHOICE_REACTIONS) as OperatorChoice[])
    .filter((choice) => choice !== "retry" || info.retriesLeft > 0)
    .map((choice) => {
      const extra = choice === "retry" ? ` (${info.retriesLeft} left)` : "";
      return `:${CHOICE_REACTIONS[choice]}: ${choice}${extra}`;
    });
  const answer =
    state.kind === "pending"
      ? `*What next?* React ${choices.join(", ")}, or reply in this thread with one of the words. No answer by ${info.deadline} means abort.`
      : outcomeText(state);
  const text = `${head}\n${step}\n${answer}`;
  return {
    text: `Step ${info.stepIndex} ${info.problem}: what next?`,
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}

function outcomeText(state: Exclude<OperatorMessageState, { kind: "pending" }>): string {
  switch (state.kind) {
    case "answered":
      return `*${state.choice}*, chosen by ${mention(state.by)}.`;
    case "conflict":
      return "*abort*: the answers disagreed.";
    case "timed_out":
      return "*abort*: nobody answered in time.";
    case "failed":
      return `*abort*: the Slack channel failed (${escapeInline(state.error)}).`;
    case "withdrawn":
      return "*abort*: the run was stopped.";
  }
}
