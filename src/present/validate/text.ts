import pc from "picocolors";
import { decidingReason } from "../../risk/deciding-reason.js";
import type { Severity } from "../../core/findings.js";
import type {
  FindingReport,
  RunbookReport,
  StepReport,
  ValidationReport,
} from "../../core/report.js";
import type { RiskLevel } from "../../core/risk.js";
import { displayPath } from "./paths.js";
import { aliasLookup, type RuleLabel } from "./rules.js";
import { escapeLine } from "../escape/terminal.js";
import { renderTable, type Cell, type Column } from "../table.js";

/** Options of {@link formatText}. */
export interface TextFormatOptions {
  /** Paint risk badges and severities (decide with `colorEnabled`). */
  readonly color: boolean;
  /** Absolute report paths are shown relative to this. */
  readonly cwd: string;
  /** Rules, to show `RB001/alias`. */
  readonly rules: readonly RuleLabel[];
  /** Only the findings: no step tables, no totals. */
  readonly quiet?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

const COLUMNS: readonly Column[] = [
  { header: "#", align: "right", maxWidth: 5 },
  { header: "line", align: "right", maxWidth: 6 },
  { header: "section", align: "left", maxWidth: 28 },
  { header: "risk", align: "left", maxWidth: 11 },
  { header: "approval", align: "left", maxWidth: 8 },
  { header: "reason", align: "left", maxWidth: 72 },
];

function riskPaint(c: Colors, risk: RiskLevel): (text: string) => string {
  const paints: Record<RiskLevel, (text: string) => string> = {
    read_only: c.green,
    modifying: c.yellow,
    destructive: (text) => c.bold(c.red(text)),
  };
  return paints[risk];
}

function severityPaint(c: Colors, severity: Severity): (text: string) => string {
  const paints: Record<Severity, (text: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.cyan,
  };
  return paints[severity];
}

function stepRow(c: Colors, step: StepReport): Cell[] {
  return [
    { text: String(step.index) },
    { text: String(step.line), paint: c.dim },
    { text: escapeLine(step.section) },
    { text: step.risk, paint: riskPaint(c, step.risk) },
    step.needsApproval ? { text: "required", paint: c.bold } : { text: "-", paint: c.dim },
    { text: escapeLine(decidingReason(step)?.message ?? "") },
  ];
}

function byPosition(a: FindingReport, b: FindingReport): number {
  return a.line - b.line || a.column - b.column;
}

/** A fix shown under its finding, indented, each line sanitised (it quotes runbook text). */
function fixLines(c: Colors, fix: string | undefined): string[] {
  if (fix === undefined) return [];
  return fix
    .split("\n")
    .map((line, i) =>
      line.trim() === "" ? "" : c.dim(`    ${i === 0 ? "fix: " : "     "}${escapeLine(line)}`),
    );
}

function findingLines(
  c: Colors,
  file: Pick<RunbookReport, "findings">,
  path: string,
  aliasOf: (id: string) => string | undefined,
): string[] {
  const findings = [...file.findings].sort(byPosition);
  const places = findings.map((f) => `${path}:${f.line}:${f.column}`);
  const labels = findings.map((f) => {
    const alias = aliasOf(f.ruleId);
    return alias === undefined ? f.ruleId : `${f.ruleId}/${alias}`;
  });
  const placeWidth = Math.max(0, ...places.map((p) => p.length));
  const labelWidth = Math.max(0, ...labels.map((l) => l.length));
  return findings.flatMap((f, i) => {
    const place = (places[i] ?? "").padEnd(placeWidth);
    const severity = severityPaint(c, f.severity)(f.severity.padEnd(7));
    const label = c.dim((labels[i] ?? "").padEnd(labelWidth));
    const headline = `${place}  ${severity}  ${label}  ${escapeLine(f.message)}`.trimEnd();
    return [headline, ...fixLines(c, f.fix)];
  });
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function totals(c: Colors, report: ValidationReport): string {
  const steps = report.runbooks.flatMap((r) => r.steps);
  const findings = [...report.runbooks, ...(report.config ?? [])].flatMap((r) => r.findings);
  const count = (severity: Severity): number =>
    findings.filter((f) => f.severity === severity).length;
  const destructive = steps.filter((s) => s.risk === "destructive").length;
  const approvals = steps.filter((s) => s.needsApproval).length;
  const errors = count("error");
  const errorText = plural(errors, "error", "errors");
  return [
    `${plural(report.runbooks.length, "runbook", "runbooks")}, ${plural(steps.length, "step", "steps")}`,
    ` (${destructive} destructive, ${approvals} need${approvals === 1 ? "s" : ""} approval), `,
    errors > 0 ? c.red(c.bold(errorText)) : errorText,
    `, ${plural(count("warning"), "warning", "warnings")}, ${count("info")} info`,
  ].join("");
}

function indented(lines: readonly string[]): string[] {
  return lines.map((line) => (line === "" ? "" : `  ${line}`));
}

/**
 * The report for people: per runbook a header (path and title), a table of steps with risk
 * badges, then its findings as `path:line:col  severity  RB001/alias  message`; then each
 * configuration file with findings (settings ignored, a file skipped); then totals.
 * Runbook text is sanitised so it cannot move the cursor, recolour or reorder the display.
 */
export function formatText(report: ValidationReport, options: TextFormatOptions): string {
  const c = pc.createColors(options.color);
  const aliasOf = aliasLookup(options.rules);
  const out: string[] = [];
  for (const runbook of report.runbooks) {
    const path = escapeLine(displayPath(runbook.path, options.cwd));
    const findings = findingLines(c, runbook, path, aliasOf);
    if (options.quiet === true) {
      out.push(...findings);
      continue;
    }
    out.push(`${c.bold(c.underline(path))}  ${escapeLine(runbook.title)}`);
    if (runbook.steps.length === 0) out.push(c.dim("  no steps"));
    else
      out.push(
        ...renderTable(
          COLUMNS,
          runbook.steps.map((step) => stepRow(c, step)),
          { indent: "  ", paintHeader: c.dim },
        ),
      );
    if (findings.length > 0) out.push("", ...indented(findings));
    out.push("");
  }
  for (const file of report.config ?? []) {
    const path = escapeLine(displayPath(file.path, options.cwd));
    const findings = findingLines(c, file, path, aliasOf);
    if (options.quiet === true) out.push(...findings);
    else out.push(`${c.bold(c.underline(path))}  (configuration)`, ...indented(findings), "");
  }
  if (options.quiet !== true) out.push(totals(c, report));
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
