import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  baseEnv,
  cliBundle,
  cli,
  logs,
  ofType,
  onPty,
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

/** The CLI from source in a child process, stdin not a terminal; its exit code and output. */
async function spawnedCli(args: readonly string[], cwd: string) {
  const child = spawnCli(args, { cwd, env: baseEnv() });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { code, output };
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
  beforeAll(() => {
    bundle = cliBundle();
  });
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

    // Step 2 was interrupted half-way: with nobody to ask, only the flag runs it again.
    const resumed = await cli(
      ["run", run.file, ...RUN_FLAGS, ...run.vars, "--resume", oldLog, "--rerun-interrupted"],
      { cwd: run.cwd },
    );
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
    expect(ofType(newLog, "approval")[0]).toMatchObject({
      step: 2,
      decision: "approved",
      channel: "resume",
      approver: null,
      detail: expect.stringMatching(/has no result; run again: --rerun-interrupted$/) as unknown,
    });
    expect((await replay(newLog)).code).toBe(0);
  });

  it("--resume of a step interrupted half-way: refused without a terminal (exit 2, nothing ran); at a terminal the operator is asked, and the answer is recorded", async () => {
    const run = await startLongRun("crash.md", [`MARK=${path.join(workDir(), "mark")}`]);
    run.child.kill("SIGKILL");
    await run.exited;
    killAll(run.stepProcesses());
    const oldLog = onlyLog(run.cwd);
    const resumeArgs = ["run", run.file, ...RUN_FLAGS, ...run.vars, "--resume", oldLog];

    const refused = await spawnedCli(resumeArgs, run.cwd);
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toMatch(
      /step 2 was interrupted half-way in `.*` \(started at .*, line \d+, no result\): it may have partly run\. Nothing ran: .*--rerun-interrupted/,
    );
    expect(logs(run.cwd)).toEqual([oldLog]);

    const declined = await onPty(resumeArgs, {
      cwd: run.cwd,
      answers: [["Run step 2 again? [y/N]", "n"]],
    });
    expect(declined.output).toContain("Step 2 was interrupted half-way in the run being resumed");
    expect(declined.output).toContain("may have partly run");
    expect(declined.output).toMatch(/Run step 2 again\? \[y\/N\] \(\d+m \d\ds left\)/);
    expect(declined.output).toContain("EXIT 1");
    const declinedLog = logs(run.cwd).filter((file) => file !== oldLog)[0] ?? "";
    expect(ofType(declinedLog, "approval")).toEqual([
      expect.objectContaining({ step: 2, decision: "denied", channel: "resume" }),
    ]);
    expect(ofType(declinedLog, "step_start")).toEqual([]);
    expect(ofType(declinedLog, "run_end")[0]).toMatchObject({ status: "aborted", exitCode: 1 });

    const accepted = await onPty(resumeArgs, {
      cwd: run.cwd,
      answers: [["Run step 2 again? [y/N]", "y"]],
    });
    expect(accepted.output).toContain("EXIT 0");
    expect(accepted.output).toContain("resumed");
    const acceptedLog =
      logs(run.cwd).filter((file) => file !== oldLog && file !== declinedLog)[0] ?? "";
    expect(ofType(acceptedLog, "approval")[0]).toMatchObject({
      step: 2,
      decision: "approved",
      channel: "resume",
      approver: userInfo().username,
    });
    expect(ofType(acceptedLog, "step_start").map((record) => record["step"])).toEqual([2, 3]);
    // The replay timeline shows the choice as its own row before the step's gate.
    const shown = await replay(acceptedLog);
    expect(shown.stdout).toMatch(
      /2 Hangs the first time.* approved \(resume\) +\S+ +- +- +started at/,
    );
  }, 90_000);

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
    // Step 2 was interrupted: the flag lets the resume go on to the question about step 1.
    const resumed = await cli(
      ["run", run.file, ...RUN_FLAGS, ...run.vars, "--resume", oldLog, "--rerun-interrupted"],
      { cwd: run.cwd },
    );
    expect(resumed.code).toBe(1);
    expect(resumed.stdout).toContain("step 1 changed since the resumed log");
    const newLog = logs(run.cwd).find((file) => file !== oldLog) ?? "";
    expect(ofType(newLog, "approval").filter((record) => record["step"] === 1)).toEqual([
      expect.objectContaining({ step: 1, decision: "denied" }),
    ]);
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
