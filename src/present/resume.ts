import type { ApprovalRequest } from "../gate/types.js";
import { renderApprovalRequest } from "./approval.js";
import { escapeControlChars } from "./escape/terminal.js";

/** A step the resumed run left half-done, as the operator is asked about it. */
export interface InterruptedQuestion {
  /** The step as it would run now (an approval request shows it in full). */
  readonly request: ApprovalRequest;
  /** The old log, and where and when the step started there. */
  readonly log: string;
  readonly line: number;
  readonly startedAt: string;
  /** Its scripts differ from what was started. */
  readonly changed: boolean;
}

/**
 * Pure: what the operator reads before choosing whether an interrupted step runs again: that it
 * started and has no result, so it may have partly run, and the step in full.
 */
export function renderInterruptedStep(question: InterruptedQuestion): string {
  const { request } = question;
  const where = escapeControlChars(`${question.log}:${question.line}`, "visible");
  const changed = question.changed
    ? "\n  Its scripts have changed since: what runs now is not what was started."
    : "";
  return (
    `\nStep ${request.step.index} was interrupted half-way in the run being resumed: it started at ` +
    `${escapeControlChars(question.startedAt, "visible")} (${where}) and has no result, so it may ` +
    `have partly run. Check what it did before running it again.${changed}\n` +
    renderApprovalRequest(request, "Interrupted")
  );
}

/** The prompt; Enter alone means No (the run stops). */
export function rerunPrompt(step: number): string {
  return `Run step ${step} again? [y/N] `;
}
