import type { Env } from "../../core/io.js";
import path from "node:path";
import { prepareRun, type PreparedRun } from "../../app/prepare-run.js";
import { loadConfig } from "../../config/load.js";
import type { Config } from "../../config/types.js";
import { RunbookExecError } from "../../core/errors.js";
import { maxRisk, type RiskLevel } from "../../core/risk.js";
import { ALL_RULES } from "../../lint/registry.js";
import { planHash } from "../../plan/plan-hash.js";
import { AUDIT_KEY_ENV } from "../../redact/secret-env.js";
import type { ActionDeps } from "./ports.js";
import type { ActionInputs } from "./inputs.js";
import type { RunInputs } from "./run-inputs.js";

/** A runbook planned the way `plan` and `run` both see it. */
export interface ActionPlan {
  readonly prepared: PreparedRun;
  readonly config: Config;
  /** The tool's environment: the runner's, without `INPUT_*`, with the keys the inputs gave. */
  readonly env: Env;
  readonly planHash: string;
  readonly maxRisk: RiskLevel | undefined;
  /** Steps that will run and wait for a person. */
  readonly needsApproval: number;
}

/**
 * The runner's environment as the tool and its steps may see it: every `INPUT_*` variable (the
 * action's inputs, tokens included) and `STATE_*` dropped, the Anthropic and audit keys from the
 * inputs added under the names the engine reads (they never reach a step, invariant 5).
 */
export function toolEnv(env: Env, inputs: ActionInputs, run: RunInputs): Env {
  const clean: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!/^(INPUT|STATE)_/i.test(name)) clean[name] = value;
  }
  if (inputs.anthropicApiKey !== undefined) clean["ANTHROPIC_API_KEY"] = inputs.anthropicApiKey;
  if (run.auditKey !== undefined) clean[AUDIT_KEY_ENV] = run.auditKey;
  return clean;
}

/** Read → parse → lint → classify → plan the `runbook` input, with the action's settings. */
export async function planFromInputs(
  inputs: ActionInputs,
  run: RunInputs,
  deps: ActionDeps,
): Promise<ActionPlan> {
  const env = toolEnv(deps.env, inputs, run);
  const temp = deps.env["RUNNER_TEMP"] ?? deps.workspace;
  const config = await loadConfig({
    cwd: deps.workspace,
    env,
    ...(inputs.configPath === undefined ? {} : { configPath: inputs.configPath }),
    overrides: {
      autoApproveLevel: run.autoApprove,
      dryRun: run.dryRun,
      auditLogDir: path.join(temp, "runbook-exec-audit"),
      ...(inputs.model === undefined ? {} : { llmModel: inputs.model }),
      ...(run.timeoutSeconds === undefined ? {} : { timeoutSeconds: run.timeoutSeconds }),
      ...(run.approvalTimeoutSeconds === undefined
        ? {}
        : { approvalTimeoutSeconds: run.approvalTimeoutSeconds }),
    },
    knownRules: ALL_RULES,
  });
  const riskModel = deps.riskModel(env, config, (message) =>
    deps.io.annotate({ kind: "warning", message, title: "Claude model unavailable" }),
  );
  const prepared = await prepareRun({
    file: path.resolve(deps.workspace, run.runbook),
    cwd: deps.workspace,
    env,
    config,
    fromStep: 1,
    resume: undefined,
    vars: run.vars,
    riskModel,
  });
  const errors = prepared.findings.filter((finding) => finding.severity === "error");
  if (errors.length > 0) {
    const first = errors[0];
    throw new RunbookExecError(
      "USAGE",
      `${errors.length} lint error(s) in the runbook, e.g. line ${first?.line ?? "?"}: ${first?.message ?? ""}; ` +
        "fix them (see `command: validate`) before planning or running it.",
      { file: run.runbook },
    );
  }
  const running = prepared.steps.filter((planned) => planned.disposition === "run");
  return {
    prepared,
    config,
    env,
    planHash: planHash(prepared.runbook.sha256, prepared.steps),
    maxRisk: prepared.steps.reduce<RiskLevel | undefined>(
      (highest, planned) => (highest === undefined ? planned.risk : maxRisk(highest, planned.risk)),
      undefined,
    ),
    needsApproval: running.filter((planned) => planned.needsApproval).length,
  };
}
