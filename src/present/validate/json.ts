import type {
  CommandReport,
  ConfigFileReport,
  FindingReport,
  RunbookReport,
  StepReport,
  ValidationReport,
} from "../../core/report.js";

// Each record is rebuilt field by field so the output has the contract's key order and nothing
// else, whatever extra fields the engine's objects carry at run time.
function command({ language, line, script }: CommandReport): CommandReport {
  return { language, line, script };
}

function step(s: StepReport): StepReport {
  return {
    index: s.index,
    line: s.line,
    section: s.section,
    text: s.text,
    commands: s.commands.map(command),
    risk: s.risk,
    riskSource: s.riskSource,
    reasons: s.reasons.map(({ ruleId, message }) => ({ ruleId, message })),
    needsApproval: s.needsApproval,
  };
}

/** A finding in the JSON contract: `fix` is always present, `null` when the rule offers none. */
type JsonFinding = Omit<FindingReport, "fix"> & { readonly fix: string | null };

function finding({ ruleId, severity, line, column, message, fix }: FindingReport): JsonFinding {
  return { ruleId, severity, line, column, message, fix: fix ?? null };
}

type JsonRunbook = Omit<RunbookReport, "findings"> & { readonly findings: readonly JsonFinding[] };

function runbook(r: RunbookReport): JsonRunbook {
  return {
    path: r.path,
    title: r.title,
    steps: r.steps.map(step),
    findings: r.findings.map(finding),
  };
}

interface JsonConfigFile {
  readonly path: string;
  readonly findings: readonly JsonFinding[];
}

function configFile(file: ConfigFileReport): JsonConfigFile {
  return { path: file.path, findings: file.findings.map(finding) };
}

interface JsonDocument {
  readonly schemaVersion: 1;
  readonly runbooks: readonly JsonRunbook[];
  /** Only when a configuration file has findings, so other documents stay as they were. */
  readonly config?: readonly JsonConfigFile[];
}

/** The `validate --format json` document (design.md, "Public contracts"), pretty-printed, with a final newline. */
export function formatJson(report: ValidationReport): string {
  const config = report.config ?? [];
  const document: JsonDocument = {
    schemaVersion: 1,
    runbooks: report.runbooks.map(runbook),
    ...(config.length > 0 && { config: config.map(configFile) }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
