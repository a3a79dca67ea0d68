import type { QuestionRelay, RelayAnswer } from "../gate/relay.js";
import type {
  Operator,
  OperatorAnswer,
  OperatorAnswerKind,
  OperatorChoice,
  OperatorQuestion,
} from "./ports.js";

/**
 * The failure direction (continue, retry, skip, abort) asked through the same relay: anything
 * but a choice (decline, cancel, timeout, a closed connection, a refused answer) aborts.
 */
export class RelayedOperator implements Operator {
  readonly channel = "mcp";

  constructor(
    private readonly relay: QuestionRelay,
    private readonly options: {
      readonly timeoutMs: number;
      readonly render: (question: OperatorQuestion) => string;
    },
  ) {}

  async choose(question: OperatorQuestion): Promise<OperatorAnswer> {
    const choices: [OperatorChoice, ...OperatorChoice[]] =
      question.retriesLeft > 0
        ? ["abort", "retry", "skip", "continue"]
        : ["abort", "skip", "continue"];
    let answer: RelayAnswer;
    try {
      answer = await this.relay.ask(
        {
          kind: "failure",
          step: question.step.step.index,
          stepHash: question.step.stepHash,
          message: this.options.render(question),
          choices,
        },
        { signal: question.signal, timeoutMs: this.options.timeoutMs },
      );
    } catch {
      return { choice: "abort", how: "interrupted" };
    }
    if (answer.kind !== "chosen") return { choice: "abort", how: HOW_NOT_CHOSEN[answer.kind] };
    const chosen = choices.find((choice) => choice === answer.choice);
    return chosen === undefined
      ? { choice: "abort", how: "channel_error" }
      : { choice: chosen, how: "answered" };
  }
}

/** How a relayed question that got no choice ended: declining or dismissing the form is an answer. */
const HOW_NOT_CHOSEN: Record<Exclude<RelayAnswer["kind"], "chosen">, OperatorAnswerKind> = {
  declined: "answered",
  cancelled: "answered",
  timed_out: "timeout",
  closed: "channel_error",
  refused: "channel_error",
};
