import { createInterface } from "node:readline";
import { timerDelay } from "../../execute/timer.js";
import type { RerunChoice, RerunHow } from "../../plan/resume.js";
import { formatDuration } from "../../present/format.js";
import {
  renderInterruptedStep,
  rerunPrompt,
  type InterruptedQuestion,
} from "../../present/resume.js";
import { osUser } from "../../run/run-start.js";
import { FLUSH_WINDOW_MS, TYPE_AHEAD_GUARD_MS, discardPendingInput } from "./approval-prompt.js";
import { questionWithTimeLeft } from "./time-left.js";

/** Streams, wait and identity of {@link askRerunAtTerminal}. */
export interface AskRerunOptions {
  /** Usually `process.stdin`; a TTY. */
  readonly input: NodeJS.ReadableStream;
  /** Where the question goes, usually `process.stderr`. */
  readonly output: NodeJS.WritableStream;
  /** No answer within this time means no (`approval_timeout_seconds`). */
  readonly timeoutMs: number;
  /** Recorded as whoever answered; default: the OS user. */
  readonly user?: string;
  /** Answers sooner than this after the prompt are type-ahead; default the approval prompt's. */
  readonly typeAheadGuardMs?: number;
}

/**
 * Asks whether a step the resumed run left half-done runs again, showing it in full and that it
 * may have partly run. Only `y` or `yes` reruns it; Enter, anything else, EOF, Ctrl-C or no
 * answer in time mean no. Keys waiting before the question are thrown away.
 */
export async function askRerunAtTerminal(
  question: InterruptedQuestion,
  options: AskRerunOptions,
): Promise<RerunChoice> {
  const { input, output, timeoutMs } = options;
  const step = question.request.step.index;
  const user = options.user ?? osUser();
  const guardMs = options.typeAheadGuardMs ?? TYPE_AHEAD_GUARD_MS;
  output.write(renderInterruptedStep(question));
  await discardPendingInput(input, FLUSH_WINDOW_MS);
  const deadline = performance.now() + timeoutMs;
  return new Promise<RerunChoice>((resolve) => {
    const rl = createInterface({ input, output, terminal: true });
    let settled = false;
    let stopCountdown = (): void => undefined;
    const settle = (rerun: boolean, how: RerunHow, note: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopCountdown();
      rl.close();
      output.write(`${note}\n`);
      const by = how === "answered" ? user : null;
      resolve({ step, rerun, how, by, at: new Date().toISOString() });
    };
    const no = `Step ${step} is not run again: the resumed run stops before anything runs.`;
    const timer = setTimeout(
      () =>
        settle(false, "timeout", `\nNobody answered within ${formatDuration(timeoutMs)}. ${no}`),
      timerDelay(timeoutMs),
    );
    rl.on("SIGINT", () => settle(false, "interrupted", `\n${no}`));
    rl.on("close", () => settle(false, "input_ended", `\nInput ended before an answer. ${no}`));
    const ask = (): void => {
      const askedAt = performance.now();
      stopCountdown = questionWithTimeLeft(rl, rerunPrompt(step), deadline, (answer) => {
        if (performance.now() - askedAt < guardMs) {
          output.write("Ignored keys typed before the question appeared; answer again.\n");
          return ask();
        }
        const word = answer.trim().toLowerCase();
        if (word === "y" || word === "yes") settle(true, "answered", `Step ${step} runs again.`);
        else settle(false, "answered", no);
      });
    };
    ask();
  });
}
