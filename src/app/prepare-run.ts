import path from "node:path";
import { readResumeInfo } from "../audit/resume.js";
import { type ResumeInfo } from "../audit/resume.js";
import { loadBashParser } from "../classify/bash-parser.js";
import type { Config } from "../config/types.js";
import { RunbookExecError } from "../core/errors.js";
import type { Finding } from "../core/findings.js";
import type { Runbook } from "../core/runbook.js";
import { assessWithRules } from "./assess.js";
import { finishAssessment } from "../risk/assess.js";
import type { RiskModel } from "../risk/model.js";
import { parseRunbook, readRunbookFile } from "../parse/index.js";

import { planSteps, type PlannedStep } from "../plan/plan.js";
import { resumeSelection, type ResumeSelection } from "../plan/resume.js";
import { resolveParameters } from "../plan/vars.js";
import type { AskParameters } from "../plan/parameters.js";
import { parameterizeRunbook } from "../plan/parameterize.js";
import { missingParametersError, type ResolvedParameters } from "../plan/vars.js";
import { readAuditKey } from "../config/audit-key.js";
import { shownRunbookPath } from "./shown-path.js";

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
  /**
   * Asks for missing parameter values before the first step (an interactive terminal). Without
   * it, a live run with missing values refuses to start; a dry run shows them unbound.
   */
  readonly askParameters?: AskParameters | undefined;
}

/** A runbook read, linted, classified and planned: everything a run needs before it starts. */
export interface PreparedRun {
  readonly runbook: Runbook;
  /**
   * The runbook's path as people are shown it (`shownRunbookPath`: relative to `cwd` or its
   * repository's root); `runbook.path` is the absolute path the audit log binds.
   */
  readonly shownPath: string;
  readonly findings: readonly Finding[];
  readonly steps: readonly PlannedStep[];
  /** Every parameter with its value (defaults, `--var`, answers) and those still unbound. */
  readonly parameters: ResolvedParameters;
  readonly resume:
    | {
        readonly info: ResumeInfo;
        readonly changed: readonly number[];
        readonly interrupted: ResumeSelection["interrupted"];
      }
    | undefined;
}

/**
 * Read → parse → lint → classify → plan, shared by dry and live runs. Bad input (unreadable
 * runbook, unknown or missing parameter, step number out of range, a log that does not verify
 * or belongs to another runbook) is a {@link RunbookExecError} naming the file and the fix.
 */
export async function prepareRun(input: PrepareInput): Promise<PreparedRun> {
  const { config } = input;
  const parsed = parseRunbook(
    await readRunbookFile(path.resolve(input.cwd, input.file), { maxBytes: config.maxFileBytes }),
    config,
  );
  const parser = await loadBashParser();
  const runbook = parameterizeRunbook(parsed, parser);
  let parameters = resolveParameters(runbook, input.vars);
  if (parameters.missing.length > 0 && input.askParameters !== undefined && !config.dryRun) {
    const answers = await input.askParameters(parameters.missing);
    parameters = resolveParameters(runbook, { ...input.vars, ...answers });
  }
  if (parameters.missing.length > 0 && !config.dryRun)
    throw missingParametersError(runbook, parameters.missing);
  checkFromStep(input.fromStep, runbook);
  const assessment = assessWithRules(runbook, parser, config, { values: parameters.values });
  const llm =
    input.riskModel === undefined || config.noLlm
      ? []
      : ((
          await input.riskModel.classify([
            { path: runbook.path, title: runbook.title, steps: assessment.steps },
          ])
        )[0] ?? []);
  const assessed = finishAssessment(assessment.steps, llm, config);
  const options = {
    timeoutSeconds: config.timeoutSeconds,
    fromStep: input.fromStep,
    parameters: { specs: parameters.specs, values: parameters.values },
  };
  const fresh = planSteps(assessed, { ...options, alreadyDone: new Set() });
  const shownPath = shownRunbookPath(runbook.path, input.cwd);
  if (input.resume === undefined) {
    return {
      runbook: assessment.runbook,
      shownPath,
      findings: assessment.findings,
      steps: fresh,
      parameters,
      resume: undefined,
    };
  }
  const info = await readResumeInfo(path.resolve(input.cwd, input.resume), {
    key: readAuditKey(config, input.env),
  });
  const stepHashes = new Map(fresh.map((planned) => [planned.step.index, planned.stepHash]));
  const selection = resumeSelection(info, { path: runbook.path, stepHashes }, input.cwd);
  return {
    runbook: assessment.runbook,
    shownPath,
    findings: assessment.findings,
    steps: planSteps(assessed, { ...options, alreadyDone: selection.alreadyDone }),
    parameters,
    resume: { info, changed: selection.changed, interrupted: selection.interrupted },
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
