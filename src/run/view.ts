import { formatHead } from "../audit/head.js";
import type { Redactor } from "../redact/redactor.js";
import type { LiveView } from "../ui/live-view.js";
import type { PlannedStep } from "./plan.js";
import type { RunView } from "./ports.js";
import { RedactingLines } from "./redacting-lines.js";

/** The step's name, else its text: what the live view shows as the step's title. */
function titleOf(planned: PlannedStep): string {
  return planned.step.name ?? planned.step.text;
}

/**
 * The engine's events on the terminal live view (`src/ui/`), which escapes everything it prints.
 * Step output is redacted first, before it is split into lines: secrets never reach the
 * terminal transcript.
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
      const what =
        decision.action === "skip" && applied.length > 0
          ? `skip step${applied.length === 1 ? "" : "s"} ${applied.join(", ")}`
          : decision.action === "abort"
            ? "abort the run"
            : "continue";
      const why =
        decision.source === "llm"
          ? decision.reasoning
          : `no usable answer: ${decision.fallbackReason ?? "unknown"}`;
      live.note(`decision after step ${planned.step.index}: ${what} (${why})`);
    },
    head(head) {
      live.note(`audit head: ${formatHead(head)}`);
    },
    notice(message) {
      live.note(message);
    },
    runFinished(summary) {
      live.summary({
        succeeded: summary.counts.succeeded,
        failed: summary.counts.failed,
        skipped: summary.counts.skipped,
        denied: summary.counts.denied,
        durationMs: summary.durationMs,
        auditLogPath: summary.auditLogPath,
        headSeq: summary.head.seq,
        headHash: summary.head.hash,
      });
      live.close();
    },
  };
}
