import type { RiskLevel } from "../../core/risk.js";
import type { StepOutcome } from "../../run/ports.js";
import { BADGE } from "../action/summary.js";
import { truncate } from "../escape/markdown.js";
import {
  commentCodeBlock,
  commentLink,
  escapeCommentCell,
  escapeCommentText,
} from "../escape/github-comment.js";

/**
 * The one status comment of a ChatOps run, created once and edited in place: the plan, then a
 * line per finished step, then the summary. Every string from the runbook, the command or the
 * commands' output is escaped for comments (no pings, no HTML, no broken code blocks).
 */

/** A step as the plan shows it. */
export interface StatusStep {
  readonly index: number;
  readonly text: string;
  readonly risk: RiskLevel;
  readonly needsApproval: boolean;
  /** Why the step will not run (`no command`, …); `undefined` when it will. */
  readonly notRun: string | undefined;
}

/** A finished step. */
export interface StatusProgress {
  readonly index: number;
  readonly text: string;
  readonly outcome: StepOutcome;
  readonly durationMs: number;
  /** Exit code, timeout or why it was denied or skipped; `""` when nothing to say. */
  readonly detail: string;
  /** The end of its output, already redacted; shown for failed steps. */
  readonly excerpt: string | undefined;
}

/** The end of the run. */
export interface StatusSummary {
  /** `succeeded`, `failed`, `aborted`, `denied`. */
  readonly status: string;
  readonly counts: {
    readonly succeeded: number;
    readonly failed: number;
    readonly skipped: number;
    readonly denied: number;
  };
  /** `SEQ:HASH`. */
  readonly auditHead: string;
  /** The artifact's URL, or a sentence saying why there is none. */
  readonly artifact: { readonly url: string } | { readonly note: string };
}

/** Everything the status comment shows. */
export interface StatusComment {
  /** `GITHUB_RUN_ID` (digits), kept in a hidden marker so a later command finds an active run. */
  readonly runId: string;
  readonly title: string;
  readonly runbookPath: string;
  readonly commit: string;
  readonly defaultBranch: string;
  readonly incidentId: string | undefined;
  readonly dryRun: boolean;
  readonly startedBy: string;
  readonly runUrl: string;
  readonly steps: readonly StatusStep[];
  readonly progress: readonly StatusProgress[];
  readonly summary: StatusSummary | undefined;
}

/** The hidden marker's prefix; a comment by the bot that starts with it is a status comment. */
export const STATUS_MARKER = "<!-- runbook-exec:status";

const TEXT_LENGTH = 200;
const EXCERPT_LENGTH = 1500;
const MAX_EXCERPTS = 5;
const MAX_TABLE_ROWS = 100;
/** GitHub refuses comments over 65,536 characters; leave room. */
const MAX_COMMENT_LENGTH = 60_000;

const MARK: Readonly<Record<StepOutcome, string>> = {
  succeeded: "✓",
  failed: "✗",
  denied: "✗",
  skipped: "⊘",
};

const HEADLINE: Readonly<Record<string, string>> = {
  succeeded: "✅ succeeded",
  failed: "❌ failed",
  aborted: "❌ aborted",
  denied: "❌ denied",
};

/** The marker line: digits and a state word only, never text from the thread. */
export function statusMarker(runId: string, state: "running" | "finished"): string {
  const id = /^\d{1,20}$/.test(runId) ? runId : "0";
  return `${STATUS_MARKER} run=${id} state=${state} -->`;
}

/** Pure: the run id and state a status comment's marker names, if it has one. */
export function readStatusMarker(
  body: string,
): { readonly runId: string; readonly state: "running" | "finished" } | undefined {
  const match = /^<!-- runbook-exec:status run=(\d{1,20}) state=(running|finished) -->/.exec(body);
  if (match === null) return undefined;
  return { runId: match[1] ?? "", state: match[2] === "running" ? "running" : "finished" };
}

function stepText(text: string): string {
  return escapeCommentCell(truncate(text, TEXT_LENGTH));
}

function planTable(steps: readonly StatusStep[]): string[] {
  const rows = steps.slice(0, MAX_TABLE_ROWS).map((step) => {
    const approval =
      step.notRun !== undefined
        ? `not run (${escapeCommentCell(step.notRun)})`
        : step.needsApproval
          ? `**needs approval**: \`/approve ${step.index}\``
          : "auto";
    return `| ${step.index} | ${stepText(step.text)} | ${BADGE[step.risk]} | ${approval} |`;
  });
  const more =
    steps.length > MAX_TABLE_ROWS
      ? [`| … | ${steps.length - MAX_TABLE_ROWS} more steps | | |`]
      : [];
  return ["| # | step | risk | approval |", "|---:|---|---|---|", ...rows, ...more];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function progressLines(progress: readonly StatusProgress[]): string[] {
  return progress.map((step) => {
    const detail =
      step.detail === "" ? "" : `: ${escapeCommentText(truncate(step.detail, TEXT_LENGTH))}`;
    const took =
      step.outcome === "succeeded" || step.outcome === "failed"
        ? `, ${seconds(step.durationMs)}`
        : "";
    return `- ${MARK[step.outcome]} ${step.index}\\. ${stepText(step.text)} (${step.outcome}${took})${detail}`;
  });
}

function excerpts(progress: readonly StatusProgress[]): string[] {
  return progress
    .filter(
      (step) => step.outcome === "failed" && step.excerpt !== undefined && step.excerpt !== "",
    )
    .slice(-MAX_EXCERPTS)
    .flatMap((step) => [
      `<details><summary>Step ${step.index} output (redacted, last ${EXCERPT_LENGTH} characters at most)</summary>`,
      "",
      commentCodeBlock(tail(step.excerpt ?? "", EXCERPT_LENGTH).replace(/\n+$/, ""), "text"),
      "",
      "</details>",
      "",
    ]);
}

function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  let start = text.length - max + 1;
  const first = text.charCodeAt(start);
  if (first >= 0xdc00 && first <= 0xdfff) start += 1;
  return `…${text.slice(start)}`;
}

function summaryLine(summary: StatusSummary, runUrl: string): string {
  const { counts } = summary;
  const artifact =
    "url" in summary.artifact
      ? commentLink("audit log artifact", summary.artifact.url)
      : escapeCommentText(summary.artifact.note);
  return (
    `**Summary: ${HEADLINE[summary.status] ?? escapeCommentText(summary.status)}**: ` +
    `${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.skipped} skipped, ` +
    `${counts.denied} denied. Audit head <code>${escapeCommentCell(summary.auditHead)}</code> ` +
    `(check it with <code>runbook-exec replay LOG --expect-head HEAD</code>). ` +
    `${commentLink("Workflow run", runUrl)} · ${artifact}`
  );
}

function planSection(input: PlanComment, kind: string, headline: string): string[] {
  const waiting = input.steps.filter((step) => step.needsApproval && step.notRun === undefined);
  return [
    `### runbook-exec ${kind}: ${escapeCommentText(input.title)} (${headline})`,
    "",
    `Runbook <code>${escapeCommentCell(input.runbookPath)}</code> from the default branch ` +
      `<code>${escapeCommentCell(input.defaultBranch)}</code> at commit <code>${escapeCommentCell(input.commit)}</code>` +
      (input.incidentId === undefined
        ? ""
        : `, incident <code>${escapeCommentCell(input.incidentId)}</code>`) +
      `, asked by <code>${escapeCommentCell(input.startedBy)}</code>. ${commentLink("Workflow run", input.runUrl)}.`,
    "",
    `**Plan**: ${input.steps.length} step(s), ${waiting.length} need approval` +
      (waiting.length === 0 || input.dryRun || kind === "plan"
        ? "."
        : ": a writer answers `/approve N` or `/deny N` in this thread; `/abort` stops the run."),
    "",
    ...planTable(input.steps),
    "",
  ];
}

/** What `/runbook plan` shows: the status comment's plan, without a run. */
export type PlanComment = Omit<StatusComment, "runId" | "progress" | "summary">;

/** Pure: the reply to `/runbook plan`: the plan, and that nothing ran. */
export function renderPlanComment(input: PlanComment, planHash: string): string {
  return wholeLines(
    [
      ...planSection(input, "plan", "nothing ran"),
      `Plan hash <code>${escapeCommentCell(planHash)}</code>. Start it with ` +
        `<code>/runbook run ${escapeCommentCell(input.runbookPath)}</code>.`,
    ],
    MAX_COMMENT_LENGTH,
  );
}

/** Pure: the status comment's Markdown. */
export function renderStatusComment(input: StatusComment): string {
  const state = input.summary === undefined ? "running" : "finished";
  const headline =
    input.summary === undefined
      ? "⏳ running"
      : (HEADLINE[input.summary.status] ?? escapeCommentText(input.summary.status));
  const head = [
    statusMarker(input.runId, state),
    ...planSection(input, `${input.dryRun ? "dry run" : "run"}`, headline),
  ];
  const progress =
    input.progress.length === 0 ? [] : ["**Progress**", "", ...progressLines(input.progress), ""];
  const end = input.summary === undefined ? [] : [summaryLine(input.summary, input.runUrl), ""];
  const full = [...head, ...progress, ...excerpts(input.progress), ...end].join("\n");
  if (full.length <= MAX_COMMENT_LENGTH) return full;
  // Too long for one comment: drop the output excerpts and the oldest progress lines, then cut
  // whole lines (each line is complete Markdown on its own, so nothing is left half open).
  const lines = progressLines(input.progress);
  const kept = [...head, "**Progress**", "", "- …", ...lines.slice(-200), "", ...end];
  return wholeLines(kept, MAX_COMMENT_LENGTH);
}

function wholeLines(lines: readonly string[], max: number): string {
  const out: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max - 40) {
      out.push("", "_(cut: too long for one comment)_");
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join("\n");
}
