import { formatHead } from "../audit/head.js";
import type { Redactor } from "../redact/redactor.js";
import { describeDecision } from "./format.js";
import type { LiveView } from "./live-view.js";
import type { PlannedStep } from "../plan/plan.js";
import type { RunView } from "../run/ports.js";
import { RedactingLines } from "../run/redacting-lines.js";

/** The step's name, else its text: what the live view shows as the step's title. */
function titleOf(planned: PlannedStep): string {
  return planned.step.name ?? planned.step.text;
}

/**
 * The engine's events on the terminal live view (`src/present/live-view.ts`), which escapes
 * everything it prints. Step output is redacted first, before it is split into lines: secrets
 * never reach the terminal transcript.
 */
export function liveRunView(live: LiveView, redact: Redactor): RunView {
  let total = 0;
  const lines = new RedactingLines(redact, (text, stream) => live.output(text, stream));
  return {
    runStarted({ auditLogPath, steps }) {
      total = steps.length;
      live.note(`audit log: ${auditLogPath}`);
    },
    stepStarted(planned, attempt) {
      const retry = attempt > 1 ? ` (attempt ${attempt})` : "";
      live.stepStarted({ index: planned.step.index, total, title: `${titleOf(planned)}${retry}` });
    },
    output(chunk, stream) {
      lines.push(chunk, stream);
    },
    stepFinished(planned, status, { durationMs, detail }) {
      lines.flush();
      const event = { index: planned.step.index, title: titleOf(planned), status, durationMs };
      live.stepFinished(detail === "" ? event : { ...event, detail });
    },
    decision(planned, decision, applied) {
      live.note(
        `decision after step ${planned.step.index}: ${describeDecision(decision, applied)}`,
      );
    },
    head(head) {
      live.note(`audit head: ${formatHead(head)}`);
    },
    notice(message) {
      live.note(message);
    },
    runFinished(summary) {
      live.summary(summary);
      live.close();
    },
  };
}
