import type { RunbookExecError } from "../../core/errors.js";
import type { RunbookReport, StepReport, ValidationReport } from "../../core/report.js";
import type { RiskLevel } from "../../core/risk.js";
import { ruleTitle, type AnnotationKind } from "./annotations.js";
import { escapeMarkdown, escapeMessage, escapeTableCell, truncate } from "../escape/markdown.js";
import { stepsFlowchart } from "./mermaid.js";
import type { Totals } from "../../app/totals.js";

/** The runner refuses a step summary over 1 MiB; stay below it with room for the closing note. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;
const STEP_TEXT_LENGTH = 300;

export const BADGE: Readonly<Record<RiskLevel, string>> = {
  read_only: "🟢 read-only",
  modifying: "🟡 modifying",
  destructive: "🔴 destructive",
};

/** Everything the job summary shows. */
export interface SummaryInput {
  readonly report: ValidationReport;
  readonly unreadable: readonly RunbookExecError[];
  readonly totals: Totals;
  /** Annotations the runner's limits kept out of the log, by kind. */
  readonly hidden: Readonly<Record<AnnotationKind, number>>;
  /** What was validated, e.g. "Runbooks changed in pull request #12". */
  readonly scope: string;
  /** Runbooks deleted in the pull request, workspace-relative. */
  readonly deleted: readonly string[];
  /** `rules` when no Anthropic key was given. */
  readonly classifiedBy: "rules" | "llm";
  readonly relativePath: (file: string) => string;
  readonly aliasOf: (ruleId: string) => string | undefined;
}

function code(text: string): string {
  return `<code>${escapeTableCell(text)}</code>`;
}

function totalsTable(totals: Totals): string[] {
  const risk = totals.maxRisk === undefined ? "none" : BADGE[totals.maxRisk];
  return [
    "| runbooks | steps | errors | warnings | notices | highest risk | need approval |",
    "|---:|---:|---:|---:|---:|---|---:|",
    `| ${totals.runbooks} | ${totals.steps} | ${totals.errors} | ${totals.warnings} | ${totals.notices} | ${risk} | ${totals.needsApproval} |`,
  ];
}

function stepRow(step: StepReport): string {
  const reasons = step.reasons
    .map((reason) => `${code(reason.ruleId)} ${escapeMessage(reason.message)}`)
    .join("<br>");
  const cells = [
    String(step.index),
    escapeTableCell(step.section),
    escapeTableCell(truncate(step.text, STEP_TEXT_LENGTH)),
    `${BADGE[step.risk]} (${step.riskSource})`,
    reasons === "" ? "–" : reasons,
    step.needsApproval ? "**yes**" : "no",
  ];
  return `| ${cells.join(" | ")} |`;
}

function runbookSection(runbook: RunbookReport, input: SummaryInput): string {
  const lines = [
    `### ${code(input.relativePath(runbook.path))} ${escapeMarkdown(runbook.title)}`,
    "",
  ];
  if (runbook.steps.length === 0) {
    lines.push("No steps (no top-level ordered list).");
  } else {
    lines.push("| # | section | step | risk | reasons | needs approval |");
    lines.push("|---:|---|---|---|---|---|");
    lines.push(...runbook.steps.map(stepRow), "", stepsFlowchart(runbook.steps));
  }
  if (runbook.findings.length > 0) {
    lines.push("", "| line | rule | severity | message |", "|---:|---|---|---|");
    for (const finding of runbook.findings) {
      const rule = ruleTitle(finding.ruleId, input.aliasOf);
      lines.push(
        `| ${finding.line}:${finding.column} | ${code(rule)} | ${finding.severity} | ${escapeMessage(finding.message)} |`,
      );
    }
  }
  return lines.join("\n");
}

function preamble(input: SummaryInput): string[] {
  const lines = ["## runbook-exec validate", "", escapeMessage(input.scope), ""];
  lines.push(...totalsTable(input.totals), "");
  if (input.classifiedBy === "rules" && input.totals.steps > 0) {
    lines.push(
      "> [!NOTE]",
      "> Risk classification used the built-in rules only (no `anthropic-api-key`); unknown commands count as modifying.",
      "",
    );
  }
  const hidden = Object.entries(input.hidden).filter(([, count]) => count > 0);
  if (hidden.length > 0) {
    const counts = hidden.map(([kind, count]) => `${count} ${kind}${count === 1 ? "" : "s"}`);
    lines.push(
      `> [!WARNING]`,
      `> The runner shows at most 10 annotations of each kind per step: ${counts.join(", ")} more are listed below only.`,
      "",
    );
  }
  for (const error of input.unreadable) {
    const where = error.file === undefined ? "" : `${code(input.relativePath(error.file))}: `;
    lines.push(`- :x: ${where}${escapeMessage(error.message)}`);
  }
  for (const file of input.deleted) lines.push(`- ${code(file)} was deleted (not validated)`);
  if (input.unreadable.length + input.deleted.length > 0) lines.push("");
  return lines;
}

/**
 * The job summary as Markdown: totals on top, then per runbook a table of steps, a flowchart
 * coloured by risk, and the findings. Runbook text is escaped everywhere; sections that would
 * take the summary past {@link SUMMARY_LIMIT_BYTES} are left out and counted.
 */
export function renderSummary(input: SummaryInput): string {
  const parts = [preamble(input).join("\n")];
  let size = Buffer.byteLength(parts[0] ?? "");
  let left = 0;
  for (const runbook of input.report.runbooks) {
    const section = runbookSection(runbook, input);
    const bytes = Buffer.byteLength(section) + 2;
    if (left > 0 || size + bytes > SUMMARY_LIMIT_BYTES) {
      left += 1;
      continue;
    }
    parts.push(section);
    size += bytes;
  }
  if (left > 0) {
    parts.push(`_${left} more runbooks are not shown: the job summary is limited to 1 MiB._`);
  }
  return `${parts.join("\n\n")}\n`;
}
