import path from "node:path";
import type { Config } from "../config/types.js";
import type { Env } from "../core/io.js";
import { containmentFor } from "../execute/containment.js";
import { shownRunParameters } from "../plan/parameters.js";
import { buildRunStart } from "../run/run-start.js";
import { preflight } from "./preflight.js";
import type { PreparedRun } from "./prepare-run.js";
import type { ReadyRun } from "./run-setup.js";

/** The run options every face records in `run_start` besides the configuration. */
export interface ReadyRunInput {
  readonly prepared: PreparedRun;
  readonly config: Config;
  readonly env: Env;
  readonly incidentId: string | undefined;
  readonly forceLint: boolean;
  readonly fromStep: number;
  readonly resume: string | null;
  /** `performance.now()` when the command started. */
  readonly startedAt: number;
}

/**
 * A prepared run made ready: containment probed, `run_start` built, and the pre-flight checks
 * passed, so a missing shell, working directory or unusable audit directory is an input error
 * now, not a failure (or a hang) in the middle of the run.
 */
export async function readyRun(input: ReadyRunInput): Promise<ReadyRun> {
  const { prepared, config, env } = input;
  const containment = containmentFor(config.containment);
  const runStart = buildRunStart({
    runbook: {
      path: prepared.runbook.path,
      sha256: prepared.runbook.sha256,
      title: prepared.runbook.title,
    },
    config,
    flags: {
      forceLint: input.forceLint,
      fromStep: input.fromStep,
      resume: input.resume,
      parameters: shownRunParameters(prepared.parameters.specs, prepared.parameters.values),
    },
    incidentId: input.incidentId,
    mode: config.dryRun ? "dry-run" : "live",
    previousLog: prepared.resume?.info.link ?? null,
    stepCount: prepared.steps.length,
    env,
    containment: containment.mode,
  });
  await preflight({
    steps: prepared.steps,
    config,
    runbookDir: path.dirname(prepared.runbook.path),
    env,
    dryRun: config.dryRun,
  });
  return { prepared, config, runStart, containment, startedAt: input.startedAt };
}
