import type { Severity } from "../core/findings.js";
import type { ValidationReport } from "../core/report.js";
import { aliasLookup, type RuleLabel } from "./rules.js";
import { neutralizeControls, sanitizeLine } from "./sanitize.js";

const COMMAND: Readonly<Record<Severity, string>> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/** Escapes a workflow command's message (`%`, CR, LF), as the runner's `escapeData`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command property value: as {@link escapeData}, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Options of {@link formatGithub}. */
export interface GithubFormatOptions {
  /** Rules, to put the alias in each annotation's title. */
  readonly rules: readonly RuleLabel[];
}

/**
 * One workflow command per finding (`::error file=…,line=…,col=…,title=RB001 (alias)::message`;
 * `info` becomes `::notice`). Runbook text is data: it is escaped so it can neither end the
 * command nor start a new one, and control characters are made visible.
 */
export function formatGithub(report: ValidationReport, options: GithubFormatOptions): string {
  const aliasOf = aliasLookup(options.rules);
  const lines: string[] = [];
  for (const runbook of report.runbooks) {
    for (const finding of runbook.findings) {
      const alias = aliasOf(finding.ruleId);
      const title = alias === undefined ? finding.ruleId : `${finding.ruleId} (${alias})`;
      const properties = [
        `file=${escapeProperty(neutralizeControls(runbook.path))}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `title=${escapeProperty(sanitizeLine(title))}`,
      ].join(",");
      lines.push(
        `::${COMMAND[finding.severity]} ${properties}::${escapeData(neutralizeControls(finding.message))}\n`,
      );
    }
  }
  return lines.join("");
}
