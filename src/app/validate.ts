import type { RunbookExecError } from "../core/errors.js";
import type { RunbookReport, StepReport, ValidationReport } from "../core/report.js";
import type { Config } from "../config/types.js";
import { loadBashParser } from "../classify/bash-parser.js";
import type { RiskModel } from "../risk/model.js";
import { assessFiles } from "./assess-files.js";
import { configFindings } from "./config-findings.js";
import { type RuleAssessment } from "./assess.js";
import { finishAssessment, type AssessedStep } from "../risk/assess.js";

export interface ValidateOptions {
  readonly config: Config;
  /** Asked to classify every step unless `config.noLlm`; rules alone without it. */
  readonly riskModel?: RiskModel | undefined;
  /**
   * Wall-clock budget for reading, parsing and rule-checking, in ms: files not started when it
   * runs out are reported as unreadable (`INPUT_SKIPPED`), not silently passed.
   */
  readonly budgetMs?: number | undefined;
}

export interface ValidateOutcome {
  readonly report: ValidationReport;
  /** Files that could not be read or decoded; the others are still validated. */
  readonly unreadable: readonly RunbookExecError[];
}

/** Reads, parses, lints and classifies runbooks; the engine behind `validate` and the action. */
export async function validateRunbooks(
  files: readonly string[],
  options: ValidateOptions,
): Promise<ValidateOutcome> {
  const { config } = options;
  // The baseline WASM compiler alone, however many files: the optimising tier compiles on
  // helper threads, so it only looked free in wall time; in CPU time it cost more than it saved
  // on 1,068 files and 20,000 scripts (bench/validate: 8.9 s against 9.4 s).
  const parser = await loadBashParser();
  const deadline = performance.now() + (options.budgetMs ?? Infinity);
  const outcomes = assessFiles(files, parser, config, deadline);
  const assessments = outcomes.flatMap((outcome) => outcome.assessment ?? []);
  const unreadable = outcomes.flatMap((outcome) => outcome.error ?? []);
  const llm = await askModel(assessments, options);
  const runbooks = assessments.map((assessment, position) =>
    runbookReport(assessment, finishAssessment(assessment.steps, llm[position] ?? [], config)),
  );
  const configReports = configFindings(config.notices);
  return {
    report: {
      schemaVersion: 1,
      runbooks,
      ...(configReports.length > 0 && { config: configReports }),
    },
    unreadable,
  };
}

async function askModel(
  assessments: readonly RuleAssessment[],
  { config, riskModel }: ValidateOptions,
): ReturnType<RiskModel["classify"]> {
  if (riskModel === undefined || config.noLlm) return [];
  return riskModel.classify(
    assessments.map(({ runbook, steps }) => ({ path: runbook.path, title: runbook.title, steps })),
  );
}

function runbookReport(assessment: RuleAssessment, steps: readonly AssessedStep[]): RunbookReport {
  const { runbook, findings } = assessment;
  return {
    path: runbook.path,
    title: runbook.title,
    steps: steps.map(stepReport),
    findings: findings.map(({ ruleId, severity, line, column, message, fix }) => ({
      ruleId,
      severity,
      line,
      column,
      message,
      ...(fix !== undefined && { fix }),
    })),
  };
}

function stepReport({ step, risk, riskSource, reasons, needsApproval }: AssessedStep): StepReport {
  return {
    index: step.index,
    line: step.line,
    section: step.section,
    text: step.text,
    commands: step.commands.map(({ language, line, script }) => ({ language, line, script })),
    risk,
    riskSource,
    reasons,
    needsApproval,
  };
}
