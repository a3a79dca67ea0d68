import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { RunbookExecError } from "../../core/errors.js";
import { loadConfig } from "../../config/load.js";
import type { ValidationReport } from "../../core/report.js";
import { validateRunbooks } from "../../app/validate.js";
import { displayPath, relativizeReport } from "../../present/validate/paths.js";
import { aliasLookup } from "../../present/validate/rules.js";
import { formatSarif } from "../../present/validate/sarif.js";
import { ALL_RULES } from "../../lint/registry.js";
import { CONFIG_CHECKS } from "../../app/config-findings.js";
import {
  findingAnnotations,
  planAnnotations,
  type Annotation,
} from "../../present/action/annotations.js";
import { readInputs, type ActionInputs } from "./inputs.js";

import { pullRequestConfig } from "./base-config.js";
import { planCommand } from "./plan-command.js";
import { runCommand } from "./run-command.js";
import { chatopsCommand } from "./chatops/command.js";
import { readRunInputs } from "./run-inputs.js";
import { VALIDATE_OUTPUTS, inputValue, type InputName } from "./inputs.js";
import type { ActionDeps } from "./ports.js";
import { selectRunbooks, type Selection } from "./select.js";
import { renderSummary } from "../../present/action/summary.js";
import { actionOutputs, failsOn } from "./outputs.js";
import { computeTotals } from "../../app/totals.js";

/**
 * The action's own budget for validating (parsing rule 13): files it could not start in time
 * are reported as unreadable errors, so a huge pull request fails visibly instead of timing out
 * the job.
 */
export const VALIDATION_BUDGET_MS = 5 * 60 * 1000;

const RULES_ONLY_NOTICE: Annotation = {
  kind: "notice",
  title: "runbook-exec: rules only",
  message:
    "No `anthropic-api-key`: risk classification used the built-in rules only; unknown commands count as modifying.",
};

async function writeSarif(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** What a validation produced, ready to report. */
interface Validated {
  readonly report: ValidationReport;
  readonly unreadable: readonly RunbookExecError[];
  readonly selection: Selection;
  readonly classifiedBy: "rules" | "llm";
  /** Set when a pull request changes the configuration (the base commit's was used). */
  readonly configNotice: Annotation | undefined;
}

/** Select the runbooks and run the engine on them (rules, plus Claude when there is a key). */
async function validate(inputs: ActionInputs, deps: ActionDeps): Promise<Validated> {
  const { io, workspace } = deps;
  const apiKey = inputs.anthropicApiKey ?? deps.env["ANTHROPIC_API_KEY"];
  if (inputs.anthropicApiKey !== undefined) io.setSecret(inputs.anthropicApiKey);
  const env = apiKey === undefined ? deps.env : { ...deps.env, ANTHROPIC_API_KEY: apiKey };
  const pullRequest = await deps.readPullRequest();
  const fromBase =
    pullRequest === undefined
      ? undefined
      : await pullRequestConfig({
          workspace,
          pullRequest,
          configInput: inputs.configPath,
          readBaseFile: deps.readBaseFile,
        });
  const configPath = fromBase?.configPath ?? inputs.configPath;
  const config = await loadConfig({
    cwd: workspace,
    env,
    ...(configPath === undefined ? {} : { configPath }),
    overrides: inputs.model === undefined ? {} : { llmModel: inputs.model },
    knownRules: ALL_RULES,
  });
  const selection = await selectRunbooks(inputs, {
    workspace,
    pullRequest,
    changedFiles: deps.changedFiles(inputs),
    io,
  });
  io.info(`${selection.scope} Validating ${selection.files.length} runbook(s).`);
  const riskModel = deps.riskModel(env, config, (message) =>
    deps.io.annotate({ kind: "warning", message, title: "Claude model unavailable" }),
  );
  const outcome = await validateRunbooks(selection.files, {
    config,
    riskModel,
    budgetMs: VALIDATION_BUDGET_MS,
  });
  return {
    report: relativizeReport(outcome.report, workspace),
    unreadable: [...selection.problems, ...outcome.unreadable],
    selection,
    classifiedBy: riskModel === undefined ? "rules" : "llm",
    configNotice: fromBase?.notice,
  };
}

/** Report through annotations, SARIF, the job summary and the outputs; fail under `fail-on`. */
async function publish(result: Validated, inputs: ActionInputs, deps: ActionDeps): Promise<void> {
  const { io, workspace } = deps;
  const { report, unreadable, selection, classifiedBy } = result;
  const totals = computeTotals(report, unreadable);
  const aliasOf = aliasLookup(ALL_RULES);
  const relativePath = (file: string): string =>
    displayPath(path.resolve(workspace, file), workspace);

  const candidates = findingAnnotations(report, unreadable, { relativePath, aliasOf });
  if (result.configNotice !== undefined) candidates.unshift(result.configNotice);
  if (classifiedBy === "rules" && totals.steps > 0) candidates.unshift(RULES_ONLY_NOTICE);
  const plan = planAnnotations(candidates);
  const annotate = inputs.formats.has("annotations");
  if (annotate) plan.shown.forEach((annotation) => io.annotate(annotation));

  let sarifFile: string | undefined;
  if (inputs.formats.has("sarif")) {
    sarifFile = path.resolve(workspace, inputs.sarifFile);
    await writeSarif(
      sarifFile,
      formatSarif(report, [...ALL_RULES, ...CONFIG_CHECKS], { toolVersion: deps.toolVersion }),
    );
    io.info(`SARIF written to ${sarifFile}.`);
  }
  const outputs = actionOutputs(totals, sarifFile);
  for (const name of VALIDATE_OUTPUTS) io.setOutput(name, outputs[name]);
  if (inputs.formats.has("summary")) {
    const markdown = renderSummary({
      report,
      unreadable,
      totals,
      hidden: annotate ? plan.hidden : { error: 0, warning: 0, notice: 0 },
      scope: selection.scope,
      deleted: selection.deleted,
      classifiedBy,
      relativePath,
      aliasOf,
    });
    await io.writeSummary(markdown);
  }
  if (failsOn(totals, inputs.failOn)) {
    io.fail(
      `${totals.errors} error(s) and ${totals.warnings} warning(s) in ${totals.runbooks} runbook(s) ` +
        `(fail-on: ${inputs.failOn}); see the annotations and the job summary.`,
    );
  }
}

/**
 * The action: read inputs, validate the selected runbooks, report. Bad inputs or configuration
 * fail the step with one message naming what to fix, never a stack trace.
 */
export async function runAction(deps: ActionDeps): Promise<void> {
  try {
    const get = (name: InputName): string => deps.io.getInput(name);
    const inputs = readInputs(get);
    if (inputs.command === "validate") {
      await publish(await validate(inputs, deps), inputs, deps);
      return;
    }
    if (inputs.command === "chatops") {
      await chatopsCommand(inputs, deps);
      return;
    }
    const run = readRunInputs(inputValue(get));
    await (inputs.command === "plan" ? planCommand : runCommand)(inputs, run, deps);
  } catch (error) {
    if (!(error instanceof RunbookExecError)) throw error;
    deps.io.fail(error.describe());
  }
}
