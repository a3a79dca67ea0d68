import { createInterface } from "node:readline";
import { TYPE_AHEAD_GUARD_MS } from "./approval-prompt.js";
import { timerDelay } from "../../execute/timer.js";
import { escapeControlChars } from "../../present/escape/terminal.js";
import type { Operator, OperatorChoice, OperatorQuestion } from "../../run/ports.js";

/** Streams and limits of {@link TerminalOperator}. */
export interface TerminalOperatorOptions {
  /** Where answers come from, usually `process.stdin` (a TTY). */
  readonly input: NodeJS.ReadableStream;
  /** Where the question goes, usually `process.stderr`. */
  readonly output: NodeJS.WritableStream;
  /** No answer within this time means abort (`approval_timeout_seconds`). */
  readonly timeoutMs: number;
  /** Called on Ctrl-C at the prompt; the CLI raises SIGINT so the run stops like any SIGINT. */
  readonly onInterrupt: () => void;
  /**
   * Answers sooner than this after the prompt are keys typed before it appeared (during the
   * step's output, say) and are discarded. Default: the approval prompt's guard.
   */
  readonly typeAheadGuardMs?: number;
}

const ANSWERS: Readonly<Record<string, OperatorChoice>> = {
  c: "continue",
  continue: "continue",
  r: "retry",
  retry: "retry",
  s: "skip",
  skip: "skip",
  a: "abort",
  abort: "abort",
  "": "abort",
};

/**
 * Asks in the terminal what to do after a failed or denied step. Enter, EOF, a timeout or an
 * interrupted run mean abort; `retry` is only accepted while retries are left; any other answer,
 * and keys typed before the question appeared, ask again.
 */
export class TerminalOperator implements Operator {
  readonly #options: TerminalOperatorOptions;

  constructor(options: TerminalOperatorOptions) {
    this.#options = options;
  }

  choose(question: OperatorQuestion): Promise<OperatorChoice> {
    const { input, output, timeoutMs, onInterrupt } = this.#options;
    const guardMs = this.#options.typeAheadGuardMs ?? TYPE_AHEAD_GUARD_MS;
    if (question.signal.aborted) return Promise.resolve("abort");
    const retry = question.retriesLeft > 0 ? `[r]etry (${question.retriesLeft} left), ` : "";
    const detail = escapeControlChars(question.detail, "visible").replaceAll("\n", " ");
    const prompt = `Step ${question.step.step.index} ${question.problem} (${detail}). ${retry}[c]ontinue, [s]kip or [a]bort? [a] `;
    return new Promise<OperatorChoice>((resolve) => {
      const rl = createInterface({ input, output, terminal: true });
      let settled = false;
      const settle = (choice: OperatorChoice): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        question.signal.removeEventListener("abort", onAbort);
        rl.close();
        resolve(choice);
      };
      const timer = setTimeout(() => {
        output.write("\nNo answer in time: aborting the run.\n");
        settle("abort");
      }, timerDelay(timeoutMs));
      const onAbort = (): void => settle("abort");
      question.signal.addEventListener("abort", onAbort, { once: true });
      rl.on("SIGINT", () => {
        settle("abort");
        onInterrupt();
      });
      rl.on("close", () => settle("abort"));
      const ask = (): void => {
        const askedAt = performance.now();
        rl.question(prompt, (answer) => {
          if (performance.now() - askedAt < guardMs) {
            output.write("Ignored keys typed before the question appeared; answer again.\n");
            return ask();
          }
          const choice = ANSWERS[answer.trim().toLowerCase()];
          if (choice === undefined || (choice === "retry" && question.retriesLeft === 0)) {
            output.write(`Please answer ${retry === "" ? "" : "r, "}c, s or a.\n`);
            ask();
          } else settle(choice);
        });
      };
      ask();
    });
  }
}
