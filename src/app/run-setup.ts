import path from "node:path";
import type { RunStartPayload } from "../audit/records.js";
import { AuditWriter } from "../audit/writer.js";
import { readAuditKey } from "../config/audit-key.js";
import type { Config } from "../config/types.js";
import type { Env } from "../core/io.js";
import type { Containment } from "../execute/containment.js";
import { buildChildEnv } from "../execute/env.js";
import { secretValues } from "../plan/parameters.js";
import { createRedactor, type Redact, type Redactor } from "../redact/redactor.js";
import type { RunRequest } from "../run/loop.js";
import type { OpenAudit } from "../run/ports.js";
import type { PreparedRun } from "./prepare-run.js";
import type { RerunChoice } from "../plan/resume.js";

/** Retries the operator may ask for per step after a failure or a denial. */
export const DEFAULT_MAX_RETRIES = 2;

/** A prepared run with its configuration and `run_start`, ready to go dry or live. */
export interface ReadyRun {
  readonly prepared: PreparedRun;
  readonly config: Config;
  readonly runStart: RunStartPayload;
  /** How steps are contained, probed once at startup and recorded in `run_start`. */
  readonly containment: Containment;
  /** `performance.now()` when the command started, so the run's duration includes classification. */
  readonly startedAt?: number | undefined;
  /** Resume: whether each step the old run left half-done runs again (see `chooseRerun`). */
  readonly rerun?: readonly RerunChoice[];
}

/**
 * What every face passes the engine for a live run: the steps, the working directory, the child
 * environment built from `env` (the tool's secrets dropped; each step adds its parameters), and
 * how steps are contained.
 */
export function runRequestFor(ready: ReadyRun, env: Env): RunRequest {
  const { prepared, config, runStart, containment, startedAt } = ready;
  const changed = new Set(prepared.resume?.changed ?? []);
  const log = prepared.resume?.info.link.path ?? "";
  const interrupted = (ready.rerun ?? []).flatMap((choice) => {
    const planned = prepared.steps.find((step) => step.step.index === choice.step);
    const started = prepared.resume?.interrupted.find((step) => step.step === choice.step);
    if (planned === undefined || started === undefined) return [];
    const where = `started at ${started.startedAt} in ${log} (line ${started.line}) and has no result`;
    return [{ planned, choice, where }];
  });
  return {
    ...(startedAt !== undefined && { startedAt }),
    runbookTitle: prepared.runbook.title,
    runbookPath: prepared.shownPath,
    steps: prepared.steps,
    runStart,
    cwd: config.workingDirectory ?? path.dirname(prepared.runbook.path),
    env: buildChildEnv({ parentEnv: env, passEnv: config.passEnv }),
    approvalTimeoutMs: config.approvalTimeoutSeconds * 1000,
    maxRetries: DEFAULT_MAX_RETRIES,
    changedDone: prepared.steps.filter((planned) => changed.has(planned.step.index)),
    interrupted,
    containment,
  };
}

/** Redacts every secret of the environment, every secret parameter's value and `extraSecrets`. */
export function redactorFor(
  prepared: PreparedRun,
  env: Env,
  extraSecrets: readonly string[] = [],
): Redactor {
  const { specs, values } = prepared.parameters;
  return createRedactor({ env, extraSecrets: [...secretValues(specs, values), ...extraSecrets] });
}

/** Opens the audit log in `audit_log_dir`, keyed with the operator's audit key if any. */
export function auditOpener(config: Config, redact: Redact, env: Env, runId?: string): OpenAudit {
  const key = readAuditKey(config, env);
  return (runStart) =>
    AuditWriter.open({
      dir: config.auditLogDir,
      runStart,
      redact,
      key,
      ...(runId !== undefined && { runId }),
    });
}
