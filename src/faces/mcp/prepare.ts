import path from "node:path";
import { confinePath } from "../../app/confine.js";
import { preflight } from "../../app/preflight.js";
import { prepareRun, type PreparedRun } from "../../app/prepare-run.js";
import type { ReadyRun } from "../../app/run-setup.js";
import type { Finding } from "../../core/findings.js";
import { containmentFor } from "../../execute/containment.js";
import { shownRunParameters } from "../../plan/parameters.js";
import { buildRunStart } from "../../run/run-start.js";
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
 * `--auto-approve` or a config file: those stay the operator's.
 */
export async function prepareForMcp(context: McpContext, ask: RunAsk): Promise<McpReadyRun> {
  const startedAt = performance.now();
  const file = await confinePath(context.root, ask.path);
  const config = { ...context.config, dryRun: ask.dryRun };
  const prepared: PreparedRun = await prepareRun({
    file,
    cwd: context.root,
    env: context.env,
    config,
    fromStep: ask.fromStep,
    resume: undefined,
    vars: ask.vars,
    riskModel: context.riskModel,
  });
  const containment = containmentFor(config.containment);
  const runStart = buildRunStart({
    runbook: {
      path: prepared.runbook.path,
      sha256: prepared.runbook.sha256,
      title: prepared.runbook.title,
    },
    config,
    flags: {
      forceLint: false,
      fromStep: ask.fromStep,
      resume: null,
      parameters: shownRunParameters(prepared.parameters.specs, prepared.parameters.values),
    },
    incidentId: ask.incidentId,
    mode: ask.dryRun ? "dry-run" : "live",
    previousLog: null,
    stepCount: prepared.steps.length,
    env: context.env,
    containment: containment.mode,
  });
  await preflight({
    steps: prepared.steps,
    config,
    runbookDir: path.dirname(prepared.runbook.path),
    env: context.env,
    dryRun: ask.dryRun,
  });
  const lintErrors = prepared.findings.filter((finding) => finding.severity === "error");
  return { prepared, config, runStart, containment, startedAt, lintErrors };
}
