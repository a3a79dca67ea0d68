import type { Severity } from "../../core/findings.js";
import { messageWithFix } from "./fix.js";
import type { ValidationReport } from "../../core/report.js";
import { ruleHelpUri, type RuleMeta } from "../../lint/types.js";

/** Where SARIF consumers send people for the tool. */
export const TOOL_INFORMATION_URI = "https://github.com/runbook-exec/runbook-exec";
/** The `$schema` of the log; code scanning and editors validate against it. */
export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

type SarifLevel = "error" | "warning" | "note";
const LEVEL: Readonly<Record<Severity, SarifLevel>> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/** Options of {@link formatSarif}. */
export interface SarifFormatOptions {
  readonly toolVersion: string;
}

/** A relative report path as a SARIF URI reference: `/` separators, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join("/");
}

function driverRule(rule: RuleMeta): object {
  return {
    id: rule.id,
    name: rule.alias,
    shortDescription: { text: rule.description },
    helpUri: ruleHelpUri(rule),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

/**
 * The report as one SARIF 2.1.0 log for code scanning: every known rule in `tool.driver.rules`
 * (with its help URI), one result per finding, in a runbook or in a configuration file. Report paths should already be relative to the
 * repository root (see `relativizeReport`).
 */
export function formatSarif(
  report: ValidationReport,
  rules: readonly RuleMeta[],
  options: SarifFormatOptions,
): string {
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const files = [...report.runbooks, ...(report.config ?? [])];
  const results = files.flatMap((file) =>
    file.findings.map((finding) => {
      const ruleIndex = indexOf.get(finding.ruleId);
      return {
        ruleId: finding.ruleId,
        ...(ruleIndex !== undefined && { ruleIndex }),
        level: LEVEL[finding.severity],
        message: { text: messageWithFix(finding) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file.path) },
              region: { startLine: finding.line, startColumn: finding.column },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "runbook-exec",
            version: options.toolVersion,
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map(driverRule),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
