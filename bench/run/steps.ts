// Benchmark 1: 300 trivial auto-approved steps through the executor (+ the live view and the
// fsynced audit records the engine writes for each step) against one bash script running the
// same 300 commands.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { AuditWriter } from "../../src/audit/writer.js";
import { buildChildEnv } from "../../src/execute/env.js";
import { runStep } from "../../src/execute/run-step.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { outputExcerpt } from "../../src/run/records.js";
import { LiveView } from "../../src/present/live-view.js";
import { median } from "../lib/measure.js";

export const STEP_COUNT = 300;
const BASH = { program: "bash", args: ["-c"], scriptVia: "argument" } as const;
const HASH = "0".repeat(64);

/** The i-th trivial command. */
const command = (index: number): string => `echo "step ${index}"`;

export interface StepsMeasurement {
  /** Median wall time of one step: executor + view + 4 fsynced audit records. */
  readonly stepMs: number;
  /** Median wall time of the executor alone (runStep). */
  readonly executorMs: number;
  /** Median of the 4 audit appends of a step. */
  readonly auditMs: number;
  /** Median of `spawn("bash", ["-c", cmd])` to `close`, nothing else: Node's own floor. */
  readonly bareSpawnMs: number;
  /** Wall time of one bash running all 300 commands, divided by 300. */
  readonly baselinePerStepMs: number;
}

/** One round of both contenders. */
export async function measureSteps(): Promise<StepsMeasurement> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-run-steps-"));
  const env = buildChildEnv({ parentEnv: process.env, passEnv: [] });
  const redact = createRedactor({ env: process.env });
  const view = new LiveView({ stream: new Writable({ write: (_c, _e, done) => done() }), env: {} });
  const audit = AuditWriter.open({
    dir,
    redact,
    runStart: {
      toolVersion: "bench",
      runbook: { path: "bench.md", sha256: HASH, title: "bench" },
      incidentId: null,
      host: "bench",
      user: "bench",
      mode: "live",
      config: {},
      ci: null,
      previousLog: null,
      stepCount: STEP_COUNT,
    },
  });
  const steps: number[] = [];
  const executor: number[] = [];
  const auditing: number[] = [];
  for (let index = 1; index <= STEP_COUNT; index++) {
    const started = performance.now();
    const ref = { step: index, stepHash: HASH };
    let auditMs = timed(() => {
      audit.append("step_planned", {
        ...ref,
        line: index,
        name: null,
        section: "bench",
        text: `step ${index}`,
        risk: "read_only",
        riskSource: "rules",
        reasons: [],
        needsApproval: false,
      });
      audit.append("approval", {
        ...ref,
        decision: "approved",
        channel: "auto",
        approver: null,
        detail: null,
      });
      audit.append("step_start", ref);
    });
    view.stepStarted({ index, total: STEP_COUNT, title: `step ${index}` });
    const execStarted = performance.now();
    const result = await runStep({
      scripts: [{ interpreter: BASH, script: command(index) }],
      cwd: dir,
      env,
      timeoutMs: 10_000,
      onOutput: (chunk, stream) => view.output(chunk, stream),
    });
    executor.push(performance.now() - execStarted);
    if (result.failed) throw new Error(`step ${index} failed: ${JSON.stringify(result)}`);
    view.stepFinished({
      index,
      title: `step ${index}`,
      status: "succeeded",
      durationMs: result.durationMs,
    });
    auditMs += timed(() =>
      audit.append("step_result", {
        ...ref,
        status: "succeeded",
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        output: outputExcerpt(result),
      }),
    );
    auditing.push(auditMs);
    steps.push(performance.now() - started);
  }
  audit.end({
    status: "succeeded",
    counts: { steps: STEP_COUNT, succeeded: STEP_COUNT, failed: 0, skipped: 0, denied: 0 },
    durationMs: 0,
    exitCode: 0,
    signal: null,
  });
  const script = Array.from({ length: STEP_COUNT }, (_, i) => command(i + 1)).join("\n");
  const baselineStarted = performance.now();
  const baseline = spawnSync("bash", ["--noprofile", "--norc", "-c", script], {
    env,
    stdio: "pipe",
  });
  const baselineMs = performance.now() - baselineStarted;
  if (baseline.status !== 0) throw new Error("baseline bash script failed");
  const bare: number[] = [];
  for (let index = 1; index <= STEP_COUNT; index++) {
    const started = performance.now();
    await new Promise((resolve) =>
      spawn("bash", ["--noprofile", "--norc", "-c", command(index)], { env }).on("close", resolve),
    );
    bare.push(performance.now() - started);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    bareSpawnMs: median(bare),
    stepMs: median(steps),
    executorMs: median(executor),
    auditMs: median(auditing),
    baselinePerStepMs: baselineMs / STEP_COUNT,
  };
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
