import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hostContainment } from "../../../src/execute/containment.js";
import { killAll, processesWithEnv, remainingAfter } from "../../helpers/processes.js";
import { baseEnv, ofType, onlyLog, runbook, spawnCli, waitFor, workDir } from "./run-harness.js";

// Unique per run: other tests' processes on the host (seen through /proc) never hold these values.
const RUN = randomBytes(6).toString("hex");
const SECRETS = {
  ANTHROPIC_API_KEY: `sk-ant-api03-containment-test-secret-${RUN}`,
  GITHUB_TOKEN: `ghp_containmentTestSecretValue${RUN}`,
  SLACK_BOT_TOKEN: `xoxb-containment-test-secret-${RUN}`,
  RUNBOOK_EXEC_AUDIT_KEY: `audit-key-containment-test-secret-${RUN}`,
  "INPUT_GITHUB-TOKEN": `ghs_actionInputTokenContainmentTest${RUN}`,
  INPUT_ANTHROPIC_API_KEY: `sk-ant-input-containment-test-${RUN}`,
};

const RUN_FLAGS = ["--no-llm", "--audit-log-dir", "logs", "--auto-approve", "destructive"];

/**
 * Runs `reach.md` in a real CLI process whose environment holds the tool's secrets. Its
 * stdout and stderr are files, as when an operator redirects them (a terminal works the same):
 * unlike Node's socket pipes, /proc/<pid>/fd/1 of a file can be reopened by anyone who may.
 */
async function reach(extraEnv: Record<string, string> = {}) {
  const cwd = workDir();
  const file = path.join(cwd, "reach.md");
  copyFileSync(runbook("reach.md"), file);
  const [out, err] = [path.join(cwd, "stdout.txt"), path.join(cwd, "stderr.txt")];
  const output = [openSync(out, "w"), openSync(err, "w")] as const;
  const child = spawnCli(["run", file, ...RUN_FLAGS, "--var", `OUT=${cwd}`], {
    cwd,
    env: baseEnv({ ...SECRETS, ...extraEnv }),
    output,
  });
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  for (const fd of output) closeSync(fd);
  return {
    code,
    stdout: readFileSync(out, "latin1"),
    stderr: readFileSync(err, "latin1"),
    cwd,
    environ: readFileSync(path.join(cwd, "environ.txt"), "utf8"),
  };
}

describe("run: a step cannot reach the tool's secrets or its terminal (invariants 5 and 10)", () => {
  it(`${hostContainment().mode}: /proc/$PPID/environ and every /proc/*/environ hold none of the tool's secrets or action inputs`, async () => {
    const run = await reach();
    expect(run.code, run.stderr).toBe(0);
    expect(run.environ).toContain("PATH=");
    for (const value of Object.values(SECRETS)) expect(run.environ).not.toContain(value);
    expect(run.environ).not.toMatch(/^INPUT_/m);
    expect(ofType(onlyLog(run.cwd), "run_start")[0]).toMatchObject({
      containment: hostContainment().mode,
    });
  });

  it(`${hostContainment().mode}: writes to /proc/$PPID/fd/1 and fd/2 never reach the tool's own output raw`, async () => {
    const run = await reach();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("reached"); // the step ran, and its own output is shown
    expect(run.stdout + run.stderr).not.toContain("\u001b]0;pwned");
  });

  it("process-group (configured): the secrets are gone from the tool's own /proc/<pid>/environ too", async () => {
    const run = await reach({ RUNBOOK_EXEC_CONTAINMENT: "process-group" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.environ).toContain("PATH=");
    for (const value of Object.values(SECRETS)) expect(run.environ).not.toContain(value);
    expect(ofType(onlyLog(run.cwd), "run_start")[0]).toMatchObject({
      containment: "process-group",
    });
  });
});

/** True once the step has written its pid to `pidfile`. */
function stepRunning(pidfile: string): boolean {
  try {
    return readFileSync(pidfile, "utf8").trim() !== "";
  } catch {
    return false;
  }
}

describe("run: a dead tool takes its step with it (kill -9)", () => {
  for (const setting of ["auto", "process-group"] as const) {
    it(`containment ${setting}: SIGKILL of runbook-exec mid-step kills every process of the step`, async () => {
      const cwd = workDir();
      const file = path.join(cwd, "long-step.md");
      copyFileSync(runbook("long-step.md"), file);
      const pidfile = path.join(cwd, "step.pid");
      const child = spawnCli(
        [
          "run",
          file,
          "--no-llm",
          "--audit-log-dir",
          "logs",
          "--auto-approve",
          "modifying",
          "--var",
          `PIDFILE=${pidfile}`,
        ],
        { cwd, env: baseEnv({ RUNBOOK_EXEC_CONTAINMENT: setting }) },
      );
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise((resolve) => child.once("exit", resolve));
      const stepProcesses = (): number[] => processesWithEnv("PIDFILE", pidfile);
      try {
        // Killed once step 2 is running (it wrote its pid): its group is under the watchdog.
        // The instant before that, between the spawn and the watchdog taking the group, is
        // covered deterministically by __tests__/execute/gate.test.ts.
        await waitFor(() => stepRunning(pidfile), 20_000, "step 2 to start");
        expect(stepProcesses().length).toBeGreaterThan(0);
        // where steps are not in a namespace, the startup banner says so
        expect(stderr.includes('containment = "process-group"')).toBe(setting === "process-group");
        child.kill("SIGKILL");
        await exited;
        expect(await remainingAfter(stepProcesses, 2_000), "the step outlived the tool").toEqual(
          [],
        );
      } finally {
        killAll(stepProcesses());
      }
    });
  }
});
