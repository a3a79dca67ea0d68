import { formatHead } from "../../audit/head.js";
import type { Redactor } from "../../redact/redactor.js";
import type { PlannedStep } from "../../plan/plan.js";
import type { RunView, StepOutcome } from "../../run/ports.js";
import { RedactingLines } from "../../run/redacting-lines.js";
import { escapeLine } from "../escape/terminal.js";

/** What the job log view reports besides printing: each step's end, for the timeline. */
export interface StepEndListener {
  (planned: PlannedStep, outcome: StepOutcome, durationMs: number): void;
}

/**
 * The engine's events in the runner's job log. Step output is redacted line by line and
 * written between `::stop-commands::TOKEN` and `::TOKEN::` (safety invariant 8): nothing a
 * command prints is read as a workflow command. `token` must be fresh and random per run, so a
 * command cannot print the line that turns commands back on. The tool's own lines are one line
 * each and never start with `::`.
 */
export function jobLogView(
  write: (text: string) => void,
  redact: Redactor,
  token: string,
  onStepEnd: StepEndListener,
): RunView {
  let stopped = false;
  let atLineStart = true;
  const note = (message: string): void => {
    resume();
    write(`${escapeLine(message).replace(/^::/, " ::")}\n`);
  };
  const resume = (): void => {
    if (!stopped) return;
    write(`${atLineStart ? "" : "\n"}::${token}::\n`);
    stopped = false;
    atLineStart = true;
  };
  const lines = new RedactingLines(redact, (text) => {
    if (!stopped) {
      write(`::stop-commands::${token}\n`);
      stopped = true;
    }
    write(text);
    atLineStart = text.endsWith("\n");
  });
  return {
    runStarted({ auditLogPath, steps }) {
      note(`runbook-exec: ${steps.length} step(s); audit log ${auditLogPath}`);
    },
    stepStarted(planned, attempt) {
      const retry = attempt > 1 ? ` (attempt ${attempt})` : "";
      note(`▶ step ${planned.step.index}: ${planned.step.name ?? planned.step.text}${retry}`);
    },
    output(chunk, stream) {
      lines.push(chunk, stream);
    },
    stepFinished(planned, outcome, { durationMs, detail }) {
      lines.flush();
      resume();
      onStepEnd(planned, outcome, durationMs);
      const why = detail === "" ? "" : `: ${detail}`;
      note(`■ step ${planned.step.index} ${outcome} in ${(durationMs / 1000).toFixed(1)} s${why}`);
    },
    decision(planned, decision, applied) {
      note(
        `decision after step ${planned.step.index}: ${decision.action}` +
          (applied.length > 0 ? ` (steps ${applied.join(", ")})` : ""),
      );
    },
    head(head) {
      note(`audit head: ${formatHead(head)}`);
    },
    notice(message) {
      note(message);
    },
    runFinished(summary) {
      note(`runbook-exec: ${summary.status}; audit head ${formatHead(summary.head)}`);
    },
  };
}
