import type { RiskLevel } from "../../core/risk.js";
import type { UnaskableReason } from "../../gate/capped.js";
import type { ApprovalRequest } from "../../gate/types.js";
import type { OperatorQuestion } from "../../run/ports.js";
import { renderApprovalRequest } from "../approval.js";
import { escapeControlChars } from "../escape/terminal.js";

/** How a step above every channel's reach can still be approved, for MCP denials. */
const HOW_TO_APPROVE =
  "To approve it, a person must answer where runbook-exec can tell who they are: configure Slack " +
  "for the MCP server (SLACK_BOT_TOKEN and `slack_channel`), or run it from a terminal with " +
  "`runbook-exec run`.";

/**
 * The elicitation message for an approval: step N of M, then everything the terminal prompt
 * shows (runbook, section, risk, reasons, parameters, the exact scripts, the step hash), with
 * every runbook string escaped. The client shows it as plain text.
 */
export function renderRelayedApproval(request: ApprovalRequest, stepCount: number): string {
  return (
    `runbook-exec asks you, the person at this client, not the AI agent: approve step ` +
    `${request.step.index} of ${stepCount}?\n\n${renderApprovalRequest(request)}\n` +
    `Answer "approve" only if you have read the scripts above and want them to run now.`
  );
}

/** The elicitation message after a step failed or was denied: what now? */
export function renderRelayedFailure(question: OperatorQuestion, stepCount: number): string {
  const { step } = question.step;
  const text = escapeControlChars(step.text, "visible").replaceAll("\n", " ");
  const detail = escapeControlChars(question.detail, "visible").replaceAll("\n", " ");
  const retry = question.retriesLeft > 0 ? `retry (${question.retriesLeft} left), ` : "";
  return (
    `Step ${step.index} of ${stepCount} ${question.problem}: ${text}\n${detail}\n\n` +
    `What now? abort the run, ${retry}skip this step, or continue with the next step ` +
    `(every later step that needs approval is still asked).`
  );
}

/** Why a step was denied without asking anyone, and how to approve it. */
export function explainUnaskable(
  request: ApprovalRequest,
  reason: UnaskableReason,
  cap: RiskLevel,
): string {
  const step = `step ${request.step.index} is ${request.step.risk}`;
  if (reason === "above_cap") {
    return (
      `${step}, above \`mcp_max_approval_level\` ("${cap}"): an MCP client relays answers ` +
      `and cannot prove a person gave them, so its answer cannot approve this step. ${HOW_TO_APPROVE}`
    );
  }
  return (
    `${step} and needs approval, but this MCP client cannot ask its user (it does not support ` +
    `elicitation) and Slack is not configured. Use a client with elicitation (Claude Code, ` +
    `VS Code, Cursor), or: ${HOW_TO_APPROVE}`
  );
}

/** One progress line: "step 2 of 5 succeeded: Restart the cache" (runbook text escaped, one line). */
export function renderStepProgress(
  index: number,
  stepCount: number,
  outcome: string,
  text: string,
): string {
  const line = escapeControlChars(text, "visible").replaceAll("\n", " ");
  return `step ${index} of ${stepCount} ${outcome}: ${line.length > 200 ? `${line.slice(0, 199)}…` : line}`;
}
