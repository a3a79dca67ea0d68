import { createInterface } from "node:readline";
import { TYPE_AHEAD_GUARD_MS } from "./approval-prompt.js";
import { timerDelay } from "../../execute/timer.js";
import { escapeControlChars } from "../../present/escape/terminal.js";
import { formatDuration } from "../../present/format.js";
import type {
  Operator,
  OperatorAnswer,
  OperatorAnswerKind,
  OperatorChoice,
  OperatorQuestion,
} from "../../run/ports.js";
import { osUser } from "../../run/run-start.js";
import { questionWithTimeLeft } from "./time-left.js";

/** Streams and limits of {@link TerminalOperator}. */
export interface TerminalOperatorOptions {
  /** Where answers come from, usually `process.stdin` (a TTY). */
  readonly input: NodeJS.ReadableStream;
  /** Where the question goes, usually `process.stderr`. */
  readonly output: NodeJS.WritableStream;
  /** No answer within this time means abort (`approval_timeout_seconds`). */
  readonly timeoutMs: number;
  /** Recorded as whoever answered; default: the OS user. */
  readonly user?: string;
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
 * Asks in the terminal what to do after a failed or denied step, showing the time left. Enter
 * (a person's answer), EOF, a timeout or an interrupted run mean abort, each said as what it
 * was; `retry` is only accepted while retries are left; any other answer, and keys typed before
 * the question appeared, ask again.
 */
export class TerminalOperator implements Operator {
  readonly channel = "terminal" as const;
  readonly #options: TerminalOperatorOptions;
  readonly #user: string;

  constructor(options: TerminalOperatorOptions) {
    this.#options = options;
    this.#user = options.user ?? osUser();
  }

  choose(question: OperatorQuestion): Promise<OperatorAnswer> {
    const { input, output, timeoutMs, onInterrupt } = this.#options;
    const guardMs = this.#options.typeAheadGuardMs ?? TYPE_AHEAD_GUARD_MS;
    if (question.signal.aborted) return Promise.resolve({ choice: "abort", how: "interrupted" });
    const retry = question.retriesLeft > 0 ? `[r]etry (${question.retriesLeft} left), ` : "";
    const detail = escapeControlChars(question.detail, "visible").replaceAll("\n", " ");
    const prompt = `Step ${question.step.step.index} ${question.problem} (${detail}). ${retry}[c]ontinue, [s]kip or [a]bort? [a] `;
    const deadline = performance.now() + timeoutMs;
    return new Promise<OperatorAnswer>((resolve) => {
      const rl = createInterface({ input, output, terminal: true });
      let settled = false;
      let stopCountdown = (): void => undefined;
      const settle = (choice: OperatorChoice, how: OperatorAnswerKind): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        stopCountdown();
        question.signal.removeEventListener("abort", onAbort);
        rl.close();
        resolve(how === "answered" ? { choice, how, by: this.#user } : { choice, how });
      };
      const timer = setTimeout(() => {
        output.write(
          `\nNobody answered within ${formatDuration(timeoutMs)}: the run stops here and no later step runs. ` +
            "Resume it with `runbook-exec run RUNBOOK --resume LOG` (the audit log named above); " +
            "`approval_timeout_seconds` sets how long a question waits.\n",
        );
        settle("abort", "timeout");
      }, timerDelay(timeoutMs));
      const onAbort = (): void => settle("abort", "interrupted");
      question.signal.addEventListener("abort", onAbort, { once: true });
      rl.on("SIGINT", () => {
        settle("abort", "interrupted");
        onInterrupt();
      });
      rl.on("close", () => settle("abort", "input_ended"));
      const ask = (): void => {
        const askedAt = performance.now();
        stopCountdown = questionWithTimeLeft(rl, prompt, deadline, (answer) => {
          if (performance.now() - askedAt < guardMs) {
            output.write("Ignored keys typed before the question appeared; answer again.\n");
            return ask();
          }
          const choice = ANSWERS[answer.trim().toLowerCase()];
          if (choice === undefined || (choice === "retry" && question.retriesLeft === 0)) {
            output.write(`Please answer ${retry === "" ? "" : "r, "}c, s or a.\n`);
            ask();
          } else settle(choice, "answered");
        });
      };
      ask();
    });
  }
}
