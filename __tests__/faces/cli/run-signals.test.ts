import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLE_BUILD_TIMEOUT_MS } from "../../helpers/bundles.js";
import {
  baseEnv,
  buildCliBundle,
  cli,
  logs,
  ofType,
  onlyLog,
  replay,
  runbook,
  spawnCli,
  waitFor,
  workDir,
} from "./run-harness.js";
import { killAll, processesWithEnv, remainingAfter } from "../../helpers/processes.js";

const RUN_FLAGS = ["--no-llm", "--audit-log-dir", "logs", "--auto-approve", "modifying"] as const;

/** Starts the CLI in a child process on a runbook whose step 2 writes its pid and sleeps 30 s. */
async function startLongRun(fixture: string, extraVars: readonly string[] = [], bundle?: string) {
  const cwd = workDir();
  const file = path.join(cwd, fixture);
  copyFileSync(runbook(fixture), file);
  const pidfile = path.join(cwd, "step.pid");
  const vars = [`PIDFILE=${pidfile}`, ...extraVars].flatMap((value) => ["--var", value]);
  const child = spawnCli(["run", file, ...RUN_FLAGS, ...vars], {
    cwd,
    env: baseEnv(),
    ...(bundle !== undefined && { bundle }),
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  await waitFor(
    () => readPid(pidfile) !== undefined,
    20_000,
    `step 2 to start (output so far: ${output})`,
  );
  // The step's processes, found by the parameter in their environment (their own `$$` may be
  // a PID namespace's number).
  const stepProcesses = (): number[] => processesWithEnv("PIDFILE", pidfile);
  return { cwd, file, vars, child, exited, stepProcesses, output: () => output };
}

function readPid(file: string): number | undefined {
  try {
    const text = readFileSync(file, "utf8").trim();
    return text === "" ? undefined : Number(text);
  } catch {
    return undefined;
  }
}

/** SIGTERM/SIGINT mid-step against the CLI started by `bundle()` (undefined: from source). */
function signalTests(bundle: () => string | undefined): void {
  for (const [signal, exitCode] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
    ["SIGHUP", 129],
    ["SIGQUIT", 131],
  ] as const) {
    it(`invariants 4 and 6: ${signal} mid-step kills the step's process group, writes run_end and exits ${exitCode} within 2 s`, async () => {
      const run = await startLongRun("long-step.md", [], bundle());
      const sent = Date.now();
      run.child.kill(signal);
      const exit = await run.exited;
      expect(exit.code, run.output()).toBe(exitCode);
      expect(exit.at - sent).toBeLessThan(2_000);
      expect(await remainingAfter(run.stepProcesses, 500)).toEqual([]);
      const log = onlyLog(run.cwd);
      expect(ofType(log, "step_result")[1]).toMatchObject({ step: 2, status: "failed" });
      expect(ofType(log, "step_skipped")).toEqual([
        expect.objectContaining({ step: 3, reason: "aborted" }),
      ]);
      expect(ofType(log, "run_end")[0]).toMatchObject({ status: "interrupted", signal, exitCode });
      expect((await replay(log)).code).toBe(0);
    });
  }
}

describe("run: signals against the bundled dist/cli.js, as shipped", () => {
  let bundle = "";
  beforeAll(async () => {
    bundle = await buildCliBundle();
  }, BUNDLE_BUILD_TIMEOUT_MS);
  signalTests(() => bundle);
});

describe("run: signals and crashes (the CLI from source in a child process)", () => {
  signalTests(() => undefined);

  it("kill -9 of the runner mid-run leaves a log replay calls incomplete (3), not tampered; --resume continues after the last completed step in a new linked log", async () => {
    const run = await startLongRun("crash.md", [`MARK=${path.join(workDir(), "mark")}`]);
    run.child.kill("SIGKILL");
    await run.exited;
    // Wherever the host cannot contain the step, stop what the dead runner left.
    killAll(run.stepProcesses());
    const oldLog = onlyLog(run.cwd);
    const crashed = await replay(oldLog);
    expect(crashed.code).toBe(3);
    expect(ofType(oldLog, "run_end")).toEqual([]);

    const resumed = await cli(["run", run.file, ...RUN_FLAGS, ...run.vars, "--resume", oldLog], {
      cwd: run.cwd,
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain("resumed");
    const newLog = logs(run.cwd).find((file) => file !== oldLog) ?? "";
    const oldStart = ofType(oldLog, "run_start")[0];
    expect(ofType(newLog, "run_start")[0]).toMatchObject({
      previousLog: { path: oldLog, runId: oldStart?.["runId"] },
    });
    expect(ofType(newLog, "step_skipped")).toEqual([
      expect.objectContaining({ step: 1, reason: "already_done" }),
    ]);
    expect(ofType(newLog, "step_start").map((record) => record["step"])).toEqual([2, 3]);
    expect((await replay(newLog)).code).toBe(0);
  });

  it("--resume refuses to treat a completed step as done once its script changed, unless re-approved (non-TTY: denied, exit 1)", async () => {
    const run = await startLongRun("crash.md", [`MARK=${path.join(workDir(), "mark")}`]);
    run.child.kill("SIGKILL");
    await run.exited;
    killAll(run.stepProcesses());
    const oldLog = onlyLog(run.cwd);
    writeFileSync(
      run.file,
      readFileSync(run.file, "utf8").replace('echo "one"', 'echo "one, edited"'),
    );
    const resumed = await cli(["run", run.file, ...RUN_FLAGS, ...run.vars, "--resume", oldLog], {
      cwd: run.cwd,
    });
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toContain("step 1 changed since the resumed log");
    const newLog = logs(run.cwd).find((file) => file !== oldLog) ?? "";
    expect(ofType(newLog, "approval")[0]).toMatchObject({ step: 1, decision: "denied" });
    expect(ofType(newLog, "step_start")).toEqual([]);
    expect(ofType(newLog, "run_end")[0]).toMatchObject({ status: "aborted", exitCode: 1 });
  });

  it("--resume of a log that does not verify is refused with exit 2", async () => {
    const cwd = workDir();
    const first = await cli(["run", runbook("success.md"), ...RUN_FLAGS], { cwd });
    expect(first.code).toBe(0);
    const log = onlyLog(cwd);
    writeFileSync(log, readFileSync(log, "utf8").replace("hello from step 1", "hello from step X"));
    const resumed = await cli(["run", runbook("success.md"), ...RUN_FLAGS, "--resume", log], {
      cwd,
    });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain("cannot resume from a log that does not verify");
  });
});
