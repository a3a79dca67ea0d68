import { confinePath } from "../../app/confine.js";
import { prepareRun, type PreparedRun } from "../../app/prepare-run.js";
import type { ReadyRun } from "../../app/run-setup.js";
import { readyRun } from "../../app/ready-run.js";
import type { Finding } from "../../core/findings.js";
import type { McpContext } from "./context.js";

/** What a tool asks to plan or run. */
export interface RunAsk {
  readonly path: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly fromStep: number;
  readonly incidentId: string | undefined;
  readonly dryRun: boolean;
}

/** A run ready to go, and the lint findings that stop a live run. */
export interface McpReadyRun extends ReadyRun {
  readonly lintErrors: readonly Finding[];
}

/**
 * Read → parse → lint → classify → plan for a tool, as `runbook-exec run` does it, with the
 * operator's configuration and the path confined to the root. No tool can pass `--force-lint`,
 * `--auto-approve` or a config file: those stay the operator's. Reads only: writes nothing.
 */
export async function planForMcp(context: McpContext, ask: RunAsk): Promise<PreparedRun> {
  return prepareRun({
    file: await confinePath(context.root, ask.path),
    cwd: context.root,
    env: context.env,
    config: { ...context.config, dryRun: ask.dryRun },
    fromStep: ask.fromStep,
    resume: undefined,
    vars: ask.vars,
    riskModel: context.riskModel,
  });
}

/** {@link planForMcp}, then ready to run: `run_start` built and the pre-flight checks passed. */
export async function prepareForMcp(context: McpContext, ask: RunAsk): Promise<McpReadyRun> {
  const startedAt = performance.now();
  const prepared = await planForMcp(context, ask);
  const ready = await readyRun({
    prepared,
    config: { ...context.config, dryRun: ask.dryRun },
    env: context.env,
    incidentId: ask.incidentId,
    forceLint: false,
    fromStep: ask.fromStep,
    resume: null,
    startedAt,
  });
  const lintErrors = prepared.findings.filter((finding) => finding.severity === "error");
  return { ...ready, lintErrors };
}
