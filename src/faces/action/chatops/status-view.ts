import type { PlannedStep } from "../../../plan/plan.js";
import type { Redactor } from "../../../redact/redactor.js";
import {
  renderStatusComment,
  type StatusComment,
  type StatusProgress,
  type StatusSummary,
} from "../../../present/chatops/status-comment.js";
import type { RunView } from "../../../run/ports.js";
import { RedactingLines } from "../../../run/redacting-lines.js";

/** What the status comment says about the run besides its steps. */
export type StatusHeader = Omit<StatusComment, "steps" | "progress" | "summary">;

/** Characters of a step's redacted output kept for its excerpt (the renderer shows less). */
const OUTPUT_TAIL = 8192;

const NOT_RUN: Readonly<Record<PlannedStep["disposition"], string | undefined>> = {
  run: undefined,
  no_command: "no command",
  not_selected: "not selected",
  already_done: "already done",
};

/**
 * The status comment kept up to date from the engine's events: the plan first, a line per
 * finished step with the end of its redacted output, then the summary. `publish` is handed the
 * whole comment each time (the thread coalesces the edits).
 */
export class StatusTracker {
  readonly #progress: StatusProgress[] = [];
  #summary: StatusSummary | undefined;
  #tail = "";

  constructor(
    private readonly header: StatusHeader,
    private readonly steps: readonly PlannedStep[],
    private readonly redact: Redactor,
    private readonly publish: (markdown: string) => Promise<void>,
  ) {}

  /** The comment as it stands. */
  render(): string {
    return renderStatusComment({
      ...this.header,
      steps: this.steps.map((planned) => ({
        index: planned.step.index,
        text: planned.step.name ?? planned.step.text,
        risk: planned.risk,
        needsApproval: planned.needsApproval,
        notRun: NOT_RUN[planned.disposition],
      })),
      progress: this.#progress,
      summary: this.#summary,
    });
  }

  /** Shows the plan (creates the comment). */
  start(): Promise<void> {
    return this.publish(this.render());
  }

  /** A dry run: every step shown as skipped, nothing ran. */
  dryRun(): void {
    for (const planned of this.steps) {
      this.#progress.push({
        index: planned.step.index,
        text: planned.step.name ?? planned.step.text,
        outcome: "skipped",
        durationMs: 0,
        detail: "dry run",
        excerpt: undefined,
      });
    }
  }

  /** Shows the summary; settles once it is written. */
  finish(summary: StatusSummary): Promise<void> {
    this.#summary = summary;
    return this.publish(this.render());
  }

  /** The engine's events, for `teeRunView` beside the job log view. */
  view(): RunView {
    const lines = new RedactingLines(this.redact, (text) => {
      this.#tail = (this.#tail + text).slice(-OUTPUT_TAIL);
    });
    const ignore = (): void => undefined;
    return {
      runStarted: ignore,
      stepStarted: () => {
        this.#tail = "";
      },
      output: (chunk, stream) => lines.push(chunk, stream),
      stepFinished: (planned, outcome, { durationMs, detail }) => {
        lines.flush();
        this.#progress.push({
          index: planned.step.index,
          text: planned.step.name ?? planned.step.text,
          outcome,
          durationMs,
          detail,
          excerpt: this.#tail,
        });
        this.#tail = "";
        void this.publish(this.render());
      },
      decision: ignore,
      head: ignore,
      notice: ignore,
      runFinished: ignore,
    };
  }
}
