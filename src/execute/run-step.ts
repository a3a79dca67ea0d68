import { capturedOutput, createCaptures, executeInto } from "./run-script.js";
import type { ExecutionOptions, ExecutionOutcome, ScriptToRun, StepResult } from "./types.js";

const NOTHING_RAN: ExecutionOutcome = {
  exitCode: 0,
  signal: null,
  timedOut: false,
  canceled: false,
  failed: false,
  durationMs: 0,
};

/** Inputs for {@link runStep}: the step's scripts and one timeout for all of them. */
export interface RunStepOptions extends ExecutionOptions {
  readonly scripts: readonly ScriptToRun[];
  /** Called before each script starts, with its 1-based index. */
  readonly onScriptStart?: (index: number) => void;
}

/**
 * Runs a step's scripts in order, each in its own process group, and stops at the first
 * failure. `timeoutMs` covers the whole step. Output of all scripts goes into one capped
 * head/tail per stream, so the step's record reads like one transcript.
 */
export async function runStep(options: RunStepOptions): Promise<StepResult> {
  const captures = createCaptures(options.capBytes);
  const deadline = performance.now() + options.timeoutMs;
  const outcomes: ExecutionOutcome[] = [];
  let failedScript: number | undefined;
  for (const [offset, script] of options.scripts.entries()) {
    options.onScriptStart?.(offset + 1);
    const remaining = Math.max(0, deadline - performance.now());
    const outcome = await executeInto(script, { ...options, timeoutMs: remaining }, captures);
    outcomes.push(outcome);
    if (outcome.failed) {
      failedScript = offset + 1;
      break;
    }
  }
  // A step without scripts ran nothing and succeeded; otherwise the last script speaks for it.
  return {
    ...(outcomes.at(-1) ?? NOTHING_RAN),
    failed: failedScript !== undefined,
    durationMs: outcomes.reduce((sum, outcome) => sum + outcome.durationMs, 0),
    ...capturedOutput(captures),
    failedScript,
    scripts: outcomes,
  };
}
