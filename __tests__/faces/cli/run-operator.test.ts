import { userInfo } from "node:os";
import { describe, expect, it } from "vitest";
import path from "node:path";
import {
  baseEnv,
  ofType,
  onlyLog,
  replay,
  runbook,
  spawnCli,
  startAtTerminal,
  workDir,
} from "./run-harness.js";

/**
 * Runs the CLI with a terminal on stdin and answers each prompt (a line ending in `[a] ` or
 * `[y/N] `) with the next answer, as an operator would.
 */
async function interactive(name: string, answers: readonly string[]) {
  const cwd = workDir();
  const { stdin, stdout, stderr, exit, settled } = startAtTerminal(
    ["run", runbook(name), "--no-llm", "--audit-log-dir", "logs"],
    cwd,
  );
  const prompts: string[] = [];
  while (!settled()) {
    // readline in terminal mode adds cursor movements around its prompt
    // eslint-disable-next-line no-control-regex -- stripping them is the point
    const plain = stderr.text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
    const asked = plain.split(/\r?\n/).filter((line) => /\[a\] |\[y\/N\] /.test(line));
    if (asked.length > prompts.length && prompts.length < answers.length) {
      prompts.push(asked[prompts.length] ?? "");
      // Answer like a person, after reading the question: keys typed before a prompt has been
      // up for a moment are discarded by the approval prompt's type-ahead guard.
      await new Promise((resolve) => setTimeout(resolve, 400));
      stdin.write(`${answers[prompts.length - 1] ?? ""}\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    code: await exit,
    stdout: stdout.text,
    stderr: stderr.text,
    prompts,
    log: onlyLog(cwd),
  };
}

describe("run with an operator at a terminal", () => {
  it("the retry cap: a failing step runs at most 3 times, then retry is no longer offered", async () => {
    const { code, prompts, stderr, log } = await interactive("failure.md", ["r", "r", "r", "s"]);
    expect(prompts[0]).toContain("Step 2 failed (exit 3). [r]etry (2 left)");
    expect(prompts[1]).toContain("[r]etry (1 left)");
    expect(prompts[2]).not.toContain("[r]etry");
    expect(stderr).toContain("Please answer c, s or a.");
    expect(ofType(log, "step_start").map((record) => record["step"])).toEqual([1, 2, 2, 2, 3]);
    expect(ofType(log, "step_skipped")).toEqual([
      expect.objectContaining({ step: 2, reason: "operator" }),
    ]);
    expect(code).toBe(0);
    expect((await replay(log)).code).toBe(0);
  });

  it("continue after a failure runs the rest but the run exits 1", async () => {
    const { code, stdout, log } = await interactive("failure.md", ["c"]);
    expect(stdout).toContain("three");
    expect(code).toBe(1);
    expect(ofType(log, "run_end")[0]).toMatchObject({
      status: "failed",
      counts: { failed: 1, succeeded: 2 },
    });
  });

  it("invariant 1: a terminal approval is recorded with the OS user and the approved step hash, then the step runs", async () => {
    const { code, stdout, stderr, log } = await interactive("approval.md", ["y"]);
    expect(stderr).toContain("Approval needed: step 2");
    expect(stderr).toContain("runs as: bash");
    expect(stdout).toContain("changed");
    const planned = ofType(log, "step_planned")[1];
    expect(ofType(log, "approval")[1]).toMatchObject({
      step: 2,
      decision: "approved",
      channel: "terminal",
      approver: userInfo().username,
      stepHash: planned?.["stepHash"],
    });
    expect(code).toBe(0);
  });

  it("a denial at the terminal then abort: exit 1, the step never ran, run_end written", async () => {
    const { code, stdout, log } = await interactive("approval.md", ["n", "a"]);
    expect(stdout).not.toContain("changed");
    expect(ofType(log, "approval")[1]).toMatchObject({ decision: "denied", detail: "answered_no" });
    expect(ofType(log, "run_end")[0]).toMatchObject({ status: "aborted", exitCode: 1 });
    expect(code).toBe(1);
  });

  it("replay shows every decision in order: denied, the operator's retry, then approved", async () => {
    const { code, log } = await interactive("approval.md", ["n", "r", "y"]);
    expect(code).toBe(0);
    const user = userInfo().username;
    expect(ofType(log, "operator_choice")).toEqual([
      expect.objectContaining({
        step: 2,
        problem: "denied",
        choice: "retry",
        how: "answered",
        by: user,
      }),
    ]);
    const child = spawnCli(["replay", log], {
      cwd: path.dirname(log),
      env: baseEnv({ NO_COLOR: "1" }),
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exit = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(exit, out).toBe(0);
    const rows = out.split("\n");
    const denied = rows.findIndex((row) =>
      /2 Change something.* denied \(terminal\) +\S+ +- /.test(row),
    );
    const retry = rows.findIndex((row) =>
      row.includes(
        `operator after step 2 denied (approval denied (answered_no)): retry (terminal, ${user})`,
      ),
    );
    const approvedRow = rows.findIndex((row) =>
      /2 Change something.* approved \(terminal\) +\S+ +0 /.test(row),
    );
    expect(
      [denied, retry, approvedRow].every((at) => at > 0),
      out,
    ).toBe(true);
    expect(denied).toBeLessThan(retry);
    expect(retry).toBeLessThan(approvedRow);
  });
});
