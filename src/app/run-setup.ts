import type { Env } from "../core/io.js";
import path from "node:path";
import type { RunStartPayload } from "../audit/records.js";
import { AuditWriter } from "../audit/writer.js";
import type { Config } from "../config/types.js";
import { buildChildEnv } from "../execute/env.js";
import { createRedactor, type Redact } from "../redact/redactor.js";
import { auditKeyFrom, isSecretEnvName } from "../redact/secret-env.js";
import type { RunRequest } from "../run/loop.js";
import type { OpenAudit } from "../run/ports.js";
import type { PreparedRun } from "./prepare-run.js";

/** Retries the operator may ask for per step after a failure or a denial. */
export const DEFAULT_MAX_RETRIES = 2;

/** A prepared run with its configuration and `run_start`, ready to go dry or live. */
export interface ReadyRun {
  readonly prepared: PreparedRun;
  readonly config: Config;
  readonly runStart: RunStartPayload;
}

/**
 * What every face passes the engine for a live run: the steps, the working directory, and the
 * child environment built from `env` (the tool's secrets dropped, parameters added).
 */
export function runRequestFor({ prepared, config, runStart }: ReadyRun, env: Env): RunRequest {
  const changed = new Set(prepared.resume?.changed ?? []);
  return {
    runbookTitle: prepared.runbook.title,
    runbookPath: prepared.runbook.path,
    steps: prepared.steps,
    runStart,
    cwd: config.workingDirectory ?? path.dirname(prepared.runbook.path),
    env: buildChildEnv({ parentEnv: env, passEnv: config.passEnv, vars: prepared.parameters }),
    approvalTimeoutMs: config.approvalTimeoutSeconds * 1000,
    maxRetries: DEFAULT_MAX_RETRIES,
    changedDone: prepared.steps.filter((planned) => changed.has(planned.step.index)),
  };
}

/** Redacts every secret of the environment and every secret-named parameter. */
export function redactorFor(prepared: PreparedRun, env: Env, extraSecrets: string[] = []): Redact {
  const secretParameters = Object.entries(prepared.parameters)
    .filter(([name]) => isSecretEnvName(name))
    .map(([, value]) => value);
  return createRedactor({ env, extraSecrets: [...secretParameters, ...extraSecrets] });
}

/** Opens the audit log in `audit_log_dir`, keyed with the environment's audit key if any. */
export function auditOpener(config: Config, redact: Redact, env: Env): OpenAudit {
  const key = auditKeyFrom(env);
  return (runStart) => AuditWriter.open({ dir: config.auditLogDir, runStart, redact, key });
}
