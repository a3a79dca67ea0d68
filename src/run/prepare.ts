import path from "node:path";
import { readResumeInfo, type ResumeInfo } from "../audit/resume.js";
import { loadBashParser } from "../classify/bash-parser.js";
import type { Config } from "../config/types.js";
import { RunbookExecError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import type { Runbook } from "../core/runbook.js";
import { assessWithRules, finishAssessment } from "../engine/assess.js";
import type { RiskModel } from "../llm/types.js";
import { parseRunbook, readRunbookFile } from "../parse/index.js";
import { auditKeyFrom } from "../redact/secret-env.js";
import { planSteps, type PlannedStep } from "./plan.js";
import { resumeSelection } from "./resume.js";
import { resolveParameters } from "./vars.js";

/** Inputs of {@link prepareRun}: the runbook, the configuration and the run flags. */
export interface PrepareInput {
  /** The runbook as given on the command line. */
  readonly file: string;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly config: Config;
  /** `--from-step`; 1 when not given. */
  readonly fromStep: number;
  /** `--resume LOG`. */
  readonly resume: string | undefined;
  /** `--var` values by name. */
  readonly vars: Readonly<Record<string, string>>;
  /** Classifies the steps unless `config.noLlm`; rules alone without it. */
  readonly riskModel: RiskModel | undefined;
}

/** A runbook read, linted, classified and planned: everything a run needs before it starts. */
export interface PreparedRun {
  readonly runbook: Runbook;
  readonly findings: readonly Finding[];
  readonly steps: readonly PlannedStep[];
  /** Front-matter parameters with `--var` applied: the steps' extra environment variables. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly resume: { readonly info: ResumeInfo; readonly changed: readonly number[] } | undefined;
}

/**
 * Read → parse → lint → classify → plan, shared by dry and live runs. Bad input (unreadable
 * runbook, unknown or missing parameter, step number out of range, a log that does not verify
 * or belongs to another runbook) is a {@link RunbookExecError} naming the file and the fix.
 */
export async function prepareRun(input: PrepareInput): Promise<PreparedRun> {
  const { config } = input;
  const runbook = parseRunbook(
    await readRunbookFile(path.resolve(input.cwd, input.file), { maxBytes: config.maxFileBytes }),
    config,
  );
  const parameters = resolveParameters(runbook, input.vars);
  checkFromStep(input.fromStep, runbook);
  const assessment = assessWithRules(runbook, await loadBashParser(), config);
  const llm =
    input.riskModel === undefined || config.noLlm
      ? []
      : ((
          await input.riskModel.classify([
            { path: runbook.path, title: runbook.title, steps: assessment.steps },
          ])
        )[0] ?? []);
  const assessed = finishAssessment(assessment, llm, config);
  const options = { timeoutSeconds: config.timeoutSeconds, fromStep: input.fromStep };
  const fresh = planSteps(assessed, { ...options, alreadyDone: new Set() });
  if (input.resume === undefined) {
    return { runbook, findings: assessment.findings, steps: fresh, parameters, resume: undefined };
  }
  const info = await readResumeInfo(path.resolve(input.cwd, input.resume), {
    key: auditKeyFrom(input.env),
  });
  const stepHashes = new Map(fresh.map((planned) => [planned.step.index, planned.stepHash]));
  const selection = resumeSelection(info, { path: runbook.path, stepHashes }, input.cwd);
  return {
    runbook,
    findings: assessment.findings,
    steps: planSteps(assessed, { ...options, alreadyDone: selection.alreadyDone }),
    parameters,
    resume: { info, changed: selection.changed },
  };
}

function checkFromStep(fromStep: number, runbook: Runbook): void {
  if (fromStep <= Math.max(1, runbook.steps.length)) return;
  throw new RunbookExecError(
    "USAGE",
    `--from-step ${fromStep} is past the last step; the runbook has ${runbook.steps.length} step${runbook.steps.length === 1 ? "" : "s"}`,
    { file: runbook.path },
  );
}
