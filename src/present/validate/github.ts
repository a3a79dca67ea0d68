import type { RunbookExecError } from "../../core/errors.js";
import type { Severity } from "../../core/findings.js";
import type { ValidationReport } from "../../core/report.js";
import { messageWithFix } from "./fix.js";
import { aliasLookup, type RuleLabel } from "./rules.js";
import { workflowCommandMessage, workflowCommandProperty } from "../escape/workflow-commands.js";

type AnnotationKind = "error" | "warning" | "notice";

const COMMAND: Readonly<Record<Severity, AnnotationKind>> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/** Options of {@link formatGithub}. */
export interface GithubFormatOptions {
  /** Rules, to put the alias in each annotation's title. */
  readonly rules: readonly RuleLabel[];
  /** Inputs that matched nothing or could not be read; each becomes an `::error`. */
  readonly problems?: readonly RunbookExecError[];
}

/** One workflow command line; property values and the message are escaped here. */
function workflowCommand(
  kind: AnnotationKind,
  properties: readonly (readonly [string, string | number | undefined])[],
  message: string,
): string {
  const props = properties
    .filter((entry): entry is readonly [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${workflowCommandProperty(String(value))}`)
    .join(",");
  return `::${kind} ${props}::${workflowCommandMessage(message)}\n`;
}

/**
 * One workflow command per problem, then per finding (runbooks first, then configuration files)
 * (`::error file=…,line=…,col=…,title=RB001 (alias)::message`; `info` becomes `::notice`).
 * Runbook text is data: it is escaped so it can neither end the command nor start a new one,
 * and control characters are made visible.
 */
export function formatGithub(report: ValidationReport, options: GithubFormatOptions): string {
  const aliasOf = aliasLookup(options.rules);
  const lines = (options.problems ?? []).map((problem) =>
    workflowCommand(
      "error",
      [
        ["file", problem.file],
        ["line", problem.line],
        ["title", `runbook-exec (${problem.code})`],
      ],
      problem.message,
    ),
  );
  for (const file of [...report.runbooks, ...(report.config ?? [])]) {
    for (const finding of file.findings) {
      const alias = aliasOf(finding.ruleId);
      const title = alias === undefined ? finding.ruleId : `${finding.ruleId} (${alias})`;
      const properties = [
        ["file", file.path],
        ["line", finding.line],
        ["col", finding.column],
        ["title", title],
      ] as const;
      lines.push(workflowCommand(COMMAND[finding.severity], properties, messageWithFix(finding)));
    }
  }
  return lines.join("");
}
