import type { RiskLevel } from "../../core/risk.js";
import type { PlannedStep } from "../../plan/plan.js";
import {
  escapeMarkdown,
  escapeMermaidLabel,
  escapeTableCell,
  truncate,
} from "../escape/markdown.js";
import { BADGE } from "./summary.js";

const TEXT_LENGTH = 200;
const LABEL_LENGTH = 60;
/** Steps drawn before the chart ends in a "more steps" node; keeps it under Mermaid's size cap. */
const MAX_CHART_STEPS = 60;

/** The plan as the `plan` command shows it. */
export interface PlanSummaryInput {
  readonly runbookPath: string;
  readonly title: string;
  readonly planHash: string;
  readonly steps: readonly PlannedStep[];
  readonly maxRisk: RiskLevel | undefined;
  readonly needsApproval: number;
  /** The environment the execute job should use; `""` when nothing needs approval. */
  readonly environment: string;
}

function reasonsCell(planned: PlannedStep): string {
  const reasons = planned.reasons.map((reason) => escapeTableCell(reason.message)).join("<br>");
  return reasons === "" ? "–" : reasons;
}

function stepCell(planned: PlannedStep): string {
  return escapeTableCell(truncate(planned.step.name ?? planned.step.text, TEXT_LENGTH));
}

/** The job summary of `command: plan`: every step, its risk and reasons, what needs approval. */
export function renderPlanSummary(input: PlanSummaryInput): string {
  const lines = [
    `## runbook-exec plan: ${escapeMarkdown(input.title)}`,
    "",
    `Runbook <code>${escapeTableCell(input.runbookPath)}</code>, plan hash <code>${input.planHash}</code>.`,
    "",
    `Highest risk: ${input.maxRisk === undefined ? "none" : BADGE[input.maxRisk]}; ` +
      `${input.needsApproval} step(s) need approval` +
      (input.environment === ""
        ? "."
        : `; the run job uses environment <code>${escapeTableCell(input.environment)}</code>.`),
    "",
    "| # | step | risk | reasons | needs approval |",
    "|---:|---|---|---|---|",
    ...input.steps.map(
      (planned) =>
        `| ${planned.step.index} | ${stepCell(planned)} | ${BADGE[planned.risk]} (${planned.riskSource}) | ` +
        `${reasonsCell(planned)} | ${planned.needsApproval ? "**yes**" : "no"} |`,
    ),
    "",
    "Nothing ran.",
    "",
  ];
  return lines.join("\n");
}

/** How a step ended in the run, for the timeline. */
export type TimelineOutcome = "succeeded" | "failed" | "skipped" | "denied" | "not run";

/** One row of the run's timeline. */
export interface TimelineRow {
  readonly step: PlannedStep;
  readonly outcome: TimelineOutcome;
  /** `channel: approver`, `auto`, or `""` when the step never reached the gate. */
  readonly approval: string;
  readonly durationMs: number | undefined;
  readonly exitCode: number | undefined;
}

/** Everything the `run` job summary shows. */
export interface RunSummaryInput {
  readonly title: string;
  readonly runbookPath: string;
  readonly status: string;
  readonly dryRun: boolean;
  /** Set when `auto-approve: destructive` was allowed: shown in bold. */
  readonly unattendedDestructive: boolean;
  readonly rows: readonly TimelineRow[];
  /** `SEQ:HASH`. */
  readonly auditHead: string;
  readonly auditLog: string;
  /** The artifact's URL, or a sentence saying why there is none. */
  readonly artifact: { readonly url: string } | { readonly note: string };
  readonly notes: readonly string[];
}

const OUTCOME_FILL: Readonly<Record<TimelineOutcome, string>> = {
  succeeded: "fill:#dafbe1,stroke:#1a7f37,color:#0d1117",
  failed: "fill:#ffebe9,stroke:#cf222e,color:#0d1117",
  denied: "fill:#fff8c5,stroke:#9a6700,color:#0d1117",
  skipped: "fill:#f6f8fa,stroke:#8c959f,color:#0d1117",
  "not run": "fill:#ffffff,stroke:#8c959f,color:#0d1117",
};

function classOf(outcome: TimelineOutcome): string {
  return outcome.replace(" ", "_");
}

/** A Mermaid flowchart of the steps in order, each node coloured by its outcome. */
export function outcomeFlowchart(rows: readonly TimelineRow[]): string {
  const drawn = rows.slice(0, MAX_CHART_STEPS);
  const lines = ["```mermaid", "flowchart TD"];
  for (const row of drawn) {
    const text = truncate(row.step.step.name ?? row.step.step.text, LABEL_LENGTH);
    const label = escapeMermaidLabel(`${row.step.step.index}. ${text} (${row.outcome})`);
    lines.push(`  s${row.step.step.index}["${label}"]:::${classOf(row.outcome)}`);
  }
  const ids = drawn.map((row) => `s${row.step.step.index}`);
  if (rows.length > drawn.length) {
    lines.push(`  more["${escapeMermaidLabel(`… ${rows.length - drawn.length} more steps`)}"]`);
    ids.push("more");
  }
  if (ids.length > 1) lines.push(`  ${ids.join(" --> ")}`);
  for (const [outcome, style] of Object.entries(OUTCOME_FILL)) {
    lines.push(`  classDef ${classOf(outcome as TimelineOutcome)} ${style}`);
  }
  lines.push("```");
  return lines.join("\n");
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? "–" : `${(ms / 1000).toFixed(1)} s`;
}

/** The job summary of `command: run`: timeline, chart, audit head, artifact. */
export function renderRunSummary(input: RunSummaryInput): string {
  const artifact =
    "url" in input.artifact
      ? `[audit log artifact](${encodeURI(input.artifact.url)})`
      : escapeMarkdown(input.artifact.note);
  const lines = [
    `## runbook-exec ${input.dryRun ? "dry run" : "run"}: ${escapeMarkdown(input.title)}`,
    "",
    `Runbook <code>${escapeTableCell(input.runbookPath)}</code>: **${input.status}**.`,
    "",
    ...(input.unattendedDestructive
      ? [
          "**`auto-approve: destructive`: destructive steps ran without anyone approving them.**",
          "",
        ]
      : []),
    ...input.notes.map((note) => `> ${escapeMarkdown(note)}\n`),
    "| # | step | risk | approval | outcome | duration | exit code |",
    "|---:|---|---|---|---|---:|---:|",
    ...input.rows.map(
      (row) =>
        `| ${row.step.step.index} | ${stepCell(row.step)} | ${BADGE[row.step.risk]} | ` +
        `${row.approval === "" ? "–" : escapeTableCell(row.approval)} | ${row.outcome} | ` +
        `${seconds(row.durationMs)} | ${row.exitCode ?? "–"} |`,
    ),
    "",
    outcomeFlowchart(input.rows),
    "",
    `Audit head: <code>${escapeTableCell(input.auditHead)}</code> (verify with ` +
      "<code>runbook-exec replay LOG --expect-head HEAD</code>). " +
      `Log: <code>${escapeTableCell(input.auditLog)}</code>. ${artifact}`,
    "",
  ];
  return lines.join("\n");
}
