import { formatHead } from "../../audit/head.js";
import type { SlackMessage } from "../../gate/slack-api.js";
import type { Decision } from "../../llm/types.js";
import type { PlannedStep } from "../../plan/plan.js";
import type { RunSummary, StepOutcome } from "../../run/ports.js";
import { describeDecision, formatDuration } from "../format.js";
import { codeBlock, escapeInline, fitRendered, mention, SECTION_LIMIT } from "./mrkdwn.js";

/** The run as the start message shows it. */
export interface RunHeader {
  readonly runbookTitle: string;
  readonly runbookPath: string;
  readonly incidentId: string | null;
  readonly mode: "live" | "dry-run";
  readonly host: string;
  readonly user: string;
  readonly requester: string | undefined;
  readonly runId: string;
  readonly stepCount: number;
  readonly auditLogPath: string;
}

const SYMBOLS: Readonly<Record<StepOutcome, string>> = {
  succeeded: "✓",
  failed: "✗",
  skipped: "⊘",
  denied: "⊘",
};

/** Most characters of a step's output a post shows (it is cut further to fit a block). */
export const OUTPUT_EXCERPT_CHARS = 1500;

function message(text: string): SlackMessage {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

/** Pure: the run's first message; everything else goes in its thread. */
export function renderRunStarted(run: RunHeader): SlackMessage {
  const who =
    run.requester === undefined
      ? escapeInline(run.user)
      : `${mention(run.requester)} (${escapeInline(run.user)})`;
  const incident = run.incidentId === null ? "" : ` · incident ${escapeInline(run.incidentId)}`;
  const text = [
    `:runner: *Runbook started:* ${escapeInline(run.runbookTitle)} (${escapeInline(run.runbookPath)})`,
    `${run.stepCount} steps · ${run.mode}${incident} · ${escapeInline(run.host)} · started by ${who}`,
    `run ${escapeInline(run.runId)} · audit log ${escapeInline(run.auditLogPath)}`,
  ].join("\n");
  return message(text);
}

/**
 * Pure: one finished step: ✓/✗/⊘, its title, duration and exit code or why; with `output`
 * (already redacted), an excerpt in a code block, cut to fit.
 */
export function renderStepFinished(
  planned: PlannedStep,
  outcome: StepOutcome,
  info: { readonly durationMs: number; readonly detail: string },
  output?: string,
): SlackMessage {
  const title = escapeInline(planned.step.name ?? planned.step.text);
  const how =
    outcome === "succeeded" ? "exit 0" : escapeInline(info.detail === "" ? outcome : info.detail);
  const line = `${SYMBOLS[outcome]} *Step ${planned.step.index}* ${title} · ${outcome} · ${formatDuration(info.durationMs)} · ${how}`;
  if (output === undefined || output.trim() === "") return message(line);
  const excerpt =
    output.length > OUTPUT_EXCERPT_CHARS
      ? `${output.slice(0, OUTPUT_EXCERPT_CHARS)}\n… (${output.length - OUTPUT_EXCERPT_CHARS} more characters in the audit log)`
      : output;
  const fitted = fitRendered(excerpt, (raw) => `${line}\n${codeBlock(raw).text}`, SECTION_LIMIT);
  return { text: line, blocks: [{ type: "section", text: { type: "mrkdwn", text: fitted.text } }] };
}

/** Pure: the post-step decision and what it changed. */
export function renderDecision(
  planned: PlannedStep,
  decision: Decision,
  applied: readonly number[],
): SlackMessage {
  return message(
    `:robot_face: Decision after step ${planned.step.index}: ${escapeInline(describeDecision(decision, applied))}`,
  );
}

/** Pure: the summary: status, counts, duration, the audit log and its head `SEQ:HASH`. */
export function renderSummary(summary: RunSummary): SlackMessage {
  const { counts } = summary;
  const icon = summary.status === "succeeded" ? ":white_check_mark:" : ":x:";
  const text = [
    `${icon} *Run ${summary.status}* (exit ${summary.exitCode}) in ${formatDuration(summary.durationMs)}: ${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.denied} denied of ${counts.steps}`,
    `audit log ${escapeInline(summary.auditLogPath)} · audit head ${formatHead(summary.head)}`,
  ].join("\n");
  return message(text);
}
