import { randomInt } from "node:crypto";

import { createInterface } from "node:readline";
import type { ApprovalDecision } from "../../core/approval.js";
import { osUser } from "../../run/run-start.js";
import { timerDelay } from "../../execute/timer.js";
import { formatDuration } from "../../present/format.js";
import { ApprovalInterruptedError } from "../../gate/errors.js";
import { NO_CHANNEL_HINT, renderApprovalRequest } from "../../present/approval.js";
import { questionWithTimeLeft } from "./time-left.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalReasonCode,
  ApprovalRequest,
} from "../../gate/types.js";

/** The prompt; Enter alone means No. */
export const APPROVAL_PROMPT = "Run this step? [y/N] ";

/**
 * The prompt for a destructive step: only the code shown approves. Keystrokes typed into the
 * terminal by another process (TIOCSTI) or left over from a previous answer cannot guess it.
 */
export function codePrompt(code: string): string {
  return `Destructive step: type ${code} to run it (anything else denies): `;
}

// Letters that cannot be mistaken for one another or for digits (no i, l, o).
const CODE_LETTERS = "abcdefghjkmnpqrstuvwxyz";

/** A fresh 4-letter code, unpredictable from the runbook (unlike its step hash). */
export function randomCode(): string {
  return Array.from({ length: 4 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join("");
}

/** Streams and identity for {@link TerminalApprovalProvider}. */
export interface TerminalApprovalOptions {
  /** Where answers come from, usually `process.stdin`; must be a TTY. */
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Where the request and prompt go, usually `process.stderr`. */
  readonly output: NodeJS.WritableStream;
  /** Recorded as the approver; default: the OS user. */
  readonly user?: string;
  /**
   * Answers arriving sooner than this after the prompt are keys typed before it appeared
   * (say, a second `y` meant for the previous step): they are discarded and the question is
   * asked again. Default {@link TYPE_AHEAD_GUARD_MS}.
   */
  readonly typeAheadGuardMs?: number;
  /**
   * Before each question, input already waiting (typed ahead, or injected while the step ran)
   * is read and thrown away for this long. Default {@link FLUSH_WINDOW_MS}.
   */
  readonly flushMs?: number;
  /** Makes the code a destructive step's approver must type; default {@link randomCode}. */
  readonly code?: () => string;
}

/** Faster than anyone can read a request and answer it (300 ms). */
export const TYPE_AHEAD_GUARD_MS = 300;

/** Long enough for the terminal to hand over what it holds (50 ms). */
export const FLUSH_WINDOW_MS = 50;

/**
 * The `tcflush(TCIFLUSH)` of a Node stream: throws away what is buffered now, then whatever
 * arrives within `windowMs` (bytes still in the terminal's queue), and leaves the stream paused.
 */
export async function discardPendingInput(
  input: NodeJS.ReadableStream,
  windowMs: number,
): Promise<void> {
  while (input.readable && input.read() !== null);
  if (windowMs <= 0 || !input.readable) return;
  const discard = (): void => undefined;
  input.on("data", discard);
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  input.off("data", discard);
  input.pause();
}

/**
 * Asks in the terminal. Only `y` or `yes` approves; Enter, anything else, EOF, a timeout or a
 * non-TTY input deny. Ctrl-C rejects with {@link ApprovalInterruptedError}; an aborted signal
 * rejects with the signal's reason.
 */
export class TerminalApprovalProvider implements ApprovalProvider {
  readonly channel = "terminal" as const;
  readonly #input: TerminalApprovalOptions["input"];
  readonly #output: NodeJS.WritableStream;
  readonly #user: string;
  readonly #typeAheadGuardMs: number;
  readonly #flushMs: number;
  readonly #code: () => string;

  constructor(options: TerminalApprovalOptions) {
    this.#input = options.input;
    this.#output = options.output;
    this.#user = options.user ?? osUser();
    this.#typeAheadGuardMs = options.typeAheadGuardMs ?? TYPE_AHEAD_GUARD_MS;
    this.#flushMs = options.flushMs ?? FLUSH_WINDOW_MS;
    this.#code = options.code ?? randomCode;
  }

  async request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    const outcome = (
      decision: ApprovalDecision,
      reasonCode: ApprovalReasonCode,
      approver?: string,
    ): ApprovalOutcome => ({
      decision,
      approver,
      channel: this.channel,
      stepHash: request.stepHash,
      at: new Date().toISOString(),
      reasonCode,
    });
    if (this.#input.isTTY !== true) {
      this.#output.write(
        `Step ${request.step.index} needs approval (risk ${request.step.risk}), but stdin is not a terminal: denied.\n${NO_CHANNEL_HINT}\n`,
      );
      return Promise.resolve(outcome("denied", "no_channel"));
    }
    if (options.signal.aborted) return Promise.reject(options.signal.reason);
    this.#output.write(renderApprovalRequest(request));
    await discardPendingInput(this.#input, this.#flushMs);
    if (options.signal.aborted) return Promise.reject(options.signal.reason);
    // A destructive step is approved only by typing a code shown here, never by a bare `y`.
    const code = request.step.risk === "destructive" ? this.#code() : undefined;
    const prompt = code === undefined ? APPROVAL_PROMPT : codePrompt(code);

    const deadline = performance.now() + options.timeoutMs;
    return new Promise<ApprovalOutcome>((resolve, reject) => {
      const rl = createInterface({ input: this.#input, output: this.#output, terminal: true });
      let settled = false;
      let stopCountdown = (): void => undefined;
      const settle = (
        result: { outcome: ApprovalOutcome; note: string } | { error: unknown },
      ): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        stopCountdown();
        options.signal.removeEventListener("abort", onAbort);
        rl.close();
        if ("error" in result) {
          this.#output.write("\n"); // end the prompt line before the engine reports the abort
          return reject(result.error);
        }
        this.#output.write(`${result.note}\n`);
        resolve(result.outcome);
      };
      const timer = setTimeout(() => {
        settle({
          outcome: outcome("timed_out", "timeout"),
          note:
            `\nNobody answered within ${formatDuration(options.timeoutMs)}: step ${request.step.index} is not approved, so it does not run (timed out, counted as denied). ` +
            "Answer `r` below to be asked again; `approval_timeout_seconds` sets how long a question waits.",
        });
      }, timerDelay(options.timeoutMs));
      const onAbort = (): void => settle({ error: options.signal.reason });
      options.signal.addEventListener("abort", onAbort, { once: true });
      rl.on("SIGINT", () => settle({ error: new ApprovalInterruptedError(request.step.index) }));
      rl.on("close", () =>
        settle({
          outcome: outcome("denied", "eof"),
          note: "\nInput ended before an answer: denied.",
        }),
      );
      const ask = (): void => {
        const askedAt = performance.now();
        stopCountdown = questionWithTimeLeft(rl, prompt, deadline, (answer) => {
          if (performance.now() - askedAt < this.#typeAheadGuardMs) {
            this.#output.write("Ignored keys typed before the question appeared; answer again.\n");
            return ask();
          }
          answered(answer);
        });
      };
      const answered = (answer: string): void => {
        const word = answer.trim().toLowerCase();
        const approves = code === undefined ? word === "y" || word === "yes" : word === code;
        if (approves) {
          settle({
            outcome: outcome("approved", "approved", this.#user),
            note: `Approved by ${this.#user}.`,
          });
        } else {
          const reason =
            word === "" ? "default_no" : code === undefined ? "answered_no" : "wrong_code";
          settle({ outcome: outcome("denied", reason, this.#user), note: "Denied." });
        }
      };
      ask();
    });
  }
}
