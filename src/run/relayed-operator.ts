import type { QuestionRelay, RelayAnswer } from "../gate/relay.js";
import type { Operator, OperatorChoice, OperatorQuestion } from "./ports.js";

/**
 * The failure direction (continue, retry, skip, abort) asked through the same relay: anything
 * but a choice (decline, cancel, timeout, a closed connection, a refused answer) aborts.
 */
export class RelayedOperator implements Operator {
  constructor(
    private readonly relay: QuestionRelay,
    private readonly options: {
      readonly timeoutMs: number;
      readonly render: (question: OperatorQuestion) => string;
    },
  ) {}

  async choose(question: OperatorQuestion): Promise<OperatorChoice> {
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
      return "abort";
    }
    if (answer.kind !== "chosen") return "abort";
    return choices.find((choice) => choice === answer.choice) ?? "abort";
  }
}
