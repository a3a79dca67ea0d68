import type { SlackApi, SlackMessage, SlackMessageRef } from "../../gate/slack-api.js";
import {
  renderDecision,
  renderRunStarted,
  renderStepFinished,
  renderSummary,
  type RunHeader,
} from "../../present/slack/run-messages.js";
import type { Redact } from "../../redact/redactor.js";
import type { RunView } from "../../run/ports.js";

/** Options of {@link SlackRunNotifier}. */
export interface SlackNotifierOptions {
  readonly api: SlackApi;
  readonly channel: string;
  readonly run: Omit<RunHeader, "auditLogPath">;
  /** `slack_notify_output`: add each step's output, redacted and cut. */
  readonly includeOutput: boolean;
  readonly redact: Redact;
  /** Told once, when Slack stops taking the run's posts; the run goes on. */
  readonly onProblem: (message: string) => void;
  /** Budget of one post, retries included (default 15 s). */
  readonly postBudgetMs?: number;
}

/** Raw output kept per step for an excerpt; the excerpt itself is much shorter. */
const OUTPUT_BUFFER_BYTES = 16 * 1024;

/**
 * The run's live log in Slack (`slack_notify`): a start message, then in its thread one line
 * per finished step, the post-step decisions and the summary. Posts go out in order from a
 * queue (the adapter keeps them at most one a second per channel); a failed post is reported
 * once and never stops the run. Output excerpts only with `includeOutput`, always redacted.
 */
export class SlackRunNotifier implements RunView {
  readonly #options: SlackNotifierOptions;
  #queue: Promise<void> = Promise.resolve();
  #root: SlackMessageRef | undefined;
  #broken = false;
  /** Ends every queued and waiting post when {@link flush} runs out of time. */
  readonly #stop = new AbortController();
  #output: Buffer[] = [];
  #outputBytes = 0;

  constructor(options: SlackNotifierOptions) {
    this.#options = options;
  }

  /** The start message, once posted: questions after a failure go to its thread. */
  get thread(): SlackMessageRef | undefined {
    return this.#root;
  }

  /**
   * Waits for queued posts, at most `timeoutMs`; then drops the rest, so a stopping run (SIGINT,
   * SIGTERM) is not held up by posts paced a second apart.
   */
  async flush(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<"late">(
      (resolve) => (timer = setTimeout(() => resolve("late"), timeoutMs)),
    );
    const result = await Promise.race([this.#queue, limit]);
    clearTimeout(timer);
    if (result === "late") {
      this.#broken = true;
      this.#stop.abort(new Error("the run ended before every Slack post went out"));
    }
  }

  runStarted(info: { readonly auditLogPath: string }): void {
    const message = renderRunStarted({ ...this.#options.run, auditLogPath: info.auditLogPath });
    this.#enqueue(async (deadline) => {
      const signal = this.#stop.signal;
      this.#root = await this.#options.api.post(this.#options.channel, message, {
        deadline,
        signal,
      });
    });
  }

  stepStarted(): void {
    this.#output = [];
    this.#outputBytes = 0;
  }

  output(chunk: Buffer): void {
    if (!this.#options.includeOutput || this.#outputBytes >= OUTPUT_BUFFER_BYTES) return;
    const kept = chunk.subarray(0, OUTPUT_BUFFER_BYTES - this.#outputBytes);
    this.#output.push(kept);
    this.#outputBytes += kept.length;
  }

  stepFinished(...[planned, outcome, info]: Parameters<RunView["stepFinished"]>): void {
    const output = this.#options.includeOutput
      ? this.#options.redact(Buffer.concat(this.#output).toString("utf8"))
      : undefined;
    this.#output = [];
    this.#outputBytes = 0;
    this.#inThread(renderStepFinished(planned, outcome, info, output));
  }

  decision(...[planned, decision, applied]: Parameters<RunView["decision"]>): void {
    this.#inThread(renderDecision(planned, decision, applied));
  }

  head(): void {
    // The summary carries the final head; one post per step is enough.
  }

  notice(): void {
    // Terminal notices are for the operator at hand; Slack gets the step lines and summary.
  }

  runFinished(summary: Parameters<RunView["runFinished"]>[0]): void {
    this.#inThread(renderSummary(summary));
  }

  #inThread(message: SlackMessage): void {
    this.#enqueue(async (deadline) => {
      const root = this.#root;
      if (root === undefined) return;
      // Posted to the configured channel (not the ID), so pacing counts one channel once.
      const { channel } = this.#options;
      const signal = this.#stop.signal;
      await this.#options.api.post(
        channel,
        { ...message, threadTs: root.ts },
        { deadline, signal },
      );
    });
  }

  #enqueue(job: (deadline: number) => Promise<void>): void {
    this.#queue = this.#queue.then(async () => {
      if (this.#broken) return;
      try {
        await job(Date.now() + (this.#options.postBudgetMs ?? 15_000));
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        this.#broken = true;
        const why = error instanceof Error ? error.message : String(error);
        this.#options.onProblem(`Slack notifications stopped: ${why}. The run goes on.`);
      }
    });
  }
}
