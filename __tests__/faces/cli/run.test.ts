import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  baseEnv,
  cli,
  logs,
  ofType,
  onlyLog,
  records,
  replay,
  runbook,
  workDir,
} from "./run-harness.js";
import { processesWithEnv } from "../../helpers/processes.js";

/** `run RUNBOOK --no-llm --audit-log-dir logs` plus `extra`, from a fresh directory. */
async function runIn(name: string, extra: readonly string[] = [], env = baseEnv()) {
  const cwd = workDir();
  const result = await cli(
    ["run", runbook(name), "--no-llm", "--audit-log-dir", "logs", ...extra],
    { cwd, env },
  );
  return { ...result, cwd };
}

describe("run (real CLI, real child processes, real audit files)", () => {
  it("runs every step, skips the one without a command, and replay verifies a complete log", async () => {
    const { code, stdout, cwd } = await runIn("success.md");
    expect(code).toBe(0);
    expect(stdout).toContain("hello from step 1");
    expect(stdout).toMatch(/audit head: \d+:[0-9a-f]{64}/);
    const log = onlyLog(cwd);
    const results = ofType(log, "step_result");
    expect(results.map((record) => [record["step"], record["status"], record["exitCode"]])).toEqual(
      [
        [1, "succeeded", 0],
        [2, "succeeded", 0],
        [4, "succeeded", 0],
      ],
    );
    expect(ofType(log, "step_skipped")).toEqual([
      expect.objectContaining({ step: 3, reason: "no_command" }),
    ]);
    // cwd of a step is the runbook's directory
    expect(JSON.stringify(results[1]?.["output"])).toContain('"head":"run\\n"');
    expect((await replay(log)).code).toBe(0);
    // The head printed after each step that ran (not after the skipped step 3) is one
    // `replay --expect-head` accepts; a log cut back to before it no longer contains it.
    const heads = [...stdout.matchAll(/audit head: (\d+:[0-9a-f]{64})/g)].map(
      (match) => match[1] ?? "",
    );
    expect(heads).toHaveLength(3);
    // The summary ends with the final head, the one that covers run_end.
    const final = /^ {2}audit head (\d+:[0-9a-f]{64})$/m.exec(stdout)?.[1] ?? "";
    expect((await replay(log, "--expect-head", final)).code).toBe(0);
    expect(Number(final.split(":")[0])).toBe(readFileSync(log, "utf8").trim().split("\n").length);
    expect((await replay(log, "--expect-head", heads[1] ?? "")).code).toBe(0);
    const text = readFileSync(log, "utf8").split("\n");
    writeFileSync(log, `${text.slice(0, Number(heads[1]?.split(":")[0]) - 1).join("\n")}\n`);
    expect((await replay(log, "--expect-head", heads[1] ?? "")).code).toBe(1);
  });

  it("invariant 6: a failure with no operator aborts the run: exit 1, later steps recorded as aborted, run_end written", async () => {
    const { code, stdout, stderr, cwd } = await runIn("failure.md");
    expect(code).toBe(1);
    expect(stdout).toContain("about to fail");
    expect(stdout).not.toContain("three\n");
    expect(stderr + stdout).toContain("no operator to ask");
    const log = onlyLog(cwd);
    expect(ofType(log, "step_result")[1]).toMatchObject({ step: 2, status: "failed", exitCode: 3 });
    expect(ofType(log, "step_skipped")).toEqual([
      expect.objectContaining({ step: 3, reason: "aborted" }),
    ]);
    expect(ofType(log, "run_end")[0]).toMatchObject({
      status: "aborted",
      exitCode: 1,
      counts: { failed: 1, succeeded: 1 },
    });
    expect((await replay(log)).code).toBe(0);
  });

  it("invariants 1, 3 and 6: a step that needs approval in a non-TTY run is denied, never runs, exit 1, run_end written", async () => {
    const { code, stdout, stderr, cwd } = await runIn("approval.md");
    expect(code).toBe(1);
    expect(stdout).not.toContain("changed");
    expect(stderr).toContain("stdin is not a terminal: denied");
    expect(stderr).toContain("--auto-approve");
    const log = onlyLog(cwd);
    expect(ofType(log, "approval")[1]).toMatchObject({
      step: 2,
      decision: "denied",
      channel: "terminal",
    });
    expect(ofType(log, "step_start").map((record) => record["step"])).toEqual([1]);
    expect(ofType(log, "run_end")[0]).toMatchObject({ exitCode: 1, counts: { denied: 1 } });
    expect((await replay(log)).code).toBe(0);
  });

  it("--auto-approve destructive prints a warning banner, records the level in run_start and runs unattended", async () => {
    const { code, stdout, stderr, cwd } = await runIn("destructive.md", [
      "--auto-approve",
      "destructive",
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain("WARNING: auto-approve level `destructive`");
    expect(stdout).toContain("wiping");
    const log = onlyLog(cwd);
    expect(ofType(log, "run_start")[0]).toMatchObject({
      mode: "live",
      config: { autoApproveLevel: "destructive" },
    });
    expect(ofType(log, "approval")[0]).toMatchObject({ channel: "auto", decision: "approved" });
  });

  it("without --auto-approve, the same destructive step is denied and no banner is printed", async () => {
    const { code, stdout, stderr } = await runIn("destructive.md");
    expect(code).toBe(1);
    expect(stdout).not.toContain("wiping\n");
    expect(stderr).not.toContain("WARNING");
  });

  it("lint errors stop a live run before anything executes (exit 2, no log); --force-lint runs it", async () => {
    const stopped = await runIn("lint-error.md");
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain("RB002");
    expect(stopped.stderr).toContain("--force-lint");
    expect(stopped.stdout).not.toContain("fine");
    expect(logs(stopped.cwd)).toEqual([]);
    const forced = await runIn("lint-error.md", ["--force-lint"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("fine");
    expect(ofType(onlyLog(forced.cwd), "run_start")[0]).toMatchObject({
      config: { run: { forceLint: true } },
    });
  });

  it("--dry-run prints the plan with resolved scripts, writes a dry-run log and executes nothing", async () => {
    const cwd = workDir();
    const mark = path.join(cwd, "mark");
    const { code, stdout } = await cli(
      ["run", runbook("crash.md"), "--dry-run", "--no-llm", "--audit-log-dir", "logs"].concat([
        "--var",
        `MARK=${mark}`,
        "--var",
        "PIDFILE=/dev/null",
      ]),
      { cwd },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run of "Crash and resume"');
    expect(stdout).toContain("Step 2 (line 16)");
    expect(stdout).toMatch(/Risk: {4}(read_only|modifying|destructive) \(from rules\)/);
    expect(stdout).toContain("bash --noprofile --norc -o errexit -o pipefail -c <script>");
    expect(stdout).toContain('if [ -e "$MARK" ]');
    expect(stdout).toContain(`MARK=${mark}`);
    expect(existsSync(mark)).toBe(false);
    const log = onlyLog(cwd);
    expect(ofType(log, "run_start")[0]).toMatchObject({ mode: "dry-run" });
    expect(ofType(log, "step_skipped").map((record) => record["reason"])).toEqual([
      "dry_run",
      "dry_run",
      "dry_run",
    ]);
    expect(ofType(log, "step_start")).toEqual([]);
    expect(ofType(log, "decision")).toEqual([]);
    expect((await replay(log)).code).toBe(0);
  });

  it("--from-step N records earlier steps as not selected; a step past the end is a usage error", async () => {
    const { code, stdout, cwd } = await runIn("success.md", ["--from-step", "2"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("hello from step 1");
    expect(ofType(onlyLog(cwd), "step_skipped")[0]).toMatchObject({
      step: 1,
      reason: "not_selected",
    });
    const past = await runIn("success.md", ["--from-step", "9"]);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain("--from-step 9 is past the last step; the runbook has 4 steps");
  });

  it("an unreadable runbook or a bad flag is exit 2 with a message, never a stack trace", async () => {
    const missing = await runIn("no-such-runbook.md");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no-such-runbook.md");
    expect(missing.stderr).not.toContain("    at ");
    const badLevel = await runIn("success.md", ["--auto-approve", "everything"]);
    expect(badLevel.code).toBe(2);
    const badTimeout = await runIn("success.md", ["--timeout", "soon"]);
    expect(badTimeout.code).toBe(2);
    expect(badTimeout.stderr).toContain("expected a number of seconds");
    const lonelyRerun = await runIn("success.md", ["--rerun-interrupted"]);
    expect(lonelyRerun.code).toBe(2);
    expect(lonelyRerun.stderr).toContain("--rerun-interrupted only means something with --resume");
  });

  it("--incident-id names the log file and is recorded in run_start", async () => {
    const { code, cwd } = await runIn("success.md", ["--incident-id", "INC 42/prod"]);
    expect(code).toBe(0);
    const log = onlyLog(cwd);
    expect(path.basename(log)).toMatch(/^INC-42-prod-\d{8}T\d{6}Z-[0-9a-f]{4}\.ndjson$/);
    expect(ofType(log, "run_start")[0]).toMatchObject({ incidentId: "INC 42/prod" });
  });

  it("an audit log directory that cannot be created is exit 2 with a message, and nothing runs", async () => {
    const cwd = workDir();
    writeFileSync(path.join(cwd, "not-a-dir"), "");
    const { code, stdout, stderr } = await cli(
      ["run", runbook("success.md"), "--no-llm", "--audit-log-dir", "not-a-dir/logs"],
      { cwd },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("audit_log_dir");
    expect(stdout).not.toContain("hello from step 1");
  });

  it("invariant 4: --timeout limits each step; a step that outlives it fails as timed out and its process group is gone", async () => {
    const cwd = workDir();
    const pidfile = path.join(cwd, "pid");
    const { code } = await cli(
      [
        "run",
        runbook("long-step.md"),
        "--no-llm",
        "--audit-log-dir",
        "logs",
        "--auto-approve",
        "modifying",
        "--timeout",
        "1",
        "--var",
        `PIDFILE=${pidfile}`,
      ],
      { cwd },
    );
    expect(code).toBe(1);
    expect(ofType(onlyLog(cwd), "step_result")[1]).toMatchObject({
      step: 2,
      status: "failed",
      timedOut: true,
    });
    expect(readFileSync(pidfile, "utf8").trim()).not.toBe("");
    expect(processesWithEnv("PIDFILE", pidfile)).toEqual([]);
    expect(records(onlyLog(cwd)).at(-1)?.type).toBe("run_end");
  });
});
