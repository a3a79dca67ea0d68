import { afterEach, describe, expect, it } from "vitest";
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeReply,
} from "../../helpers/fake-anthropic.js";
import { baseEnv, cli, ofType, onlyLog, replay, runbook, workDir } from "./run-harness.js";

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake Messages API: classification is refused (rules decide), `decide_next` answers come from `decide`. */
async function startFake(decide: (count: number) => FakeReply): Promise<FakeAnthropic> {
  let decisions = 0;
  fake = await startFakeAnthropic((request) => {
    if (request.body.tool_choice.name !== "decide_next")
      return {
        kind: "error",
        status: 400,
        type: "invalid_request_error",
        message: "classification not faked",
      };
    decisions += 1;
    return decide(decisions);
  });
  return fake;
}

function decideRequests(server: FakeAnthropic): number {
  return server.requests.filter((request) => request.body.tool_choice.name === "decide_next")
    .length;
}

function env(server: FakeAnthropic): Record<string, string> {
  return baseEnv({
    ANTHROPIC_API_KEY: "sk-ant-test-key-0000000000000000",
    ANTHROPIC_BASE_URL: server.url,
  });
}

describe("run with post-step decisions (real SDK client against a fake Messages API)", () => {
  it("invariant 7: skips forward only, never asks after the last step, records every decision", async () => {
    const server = await startFake((count) =>
      count === 1
        ? {
            kind: "tool",
            input: { action: "skip", skip_steps: [1, 3], reasoning: "queue is empty" },
          }
        : { kind: "tool", input: { action: "continue", skip_steps: [], reasoning: "fine" } },
    );
    const cwd = workDir();
    const { code, stdout } = await cli(["run", runbook("decide.md"), "--audit-log-dir", "logs"], {
      cwd,
      env: env(server),
    });
    expect(code).toBe(0);
    expect(stdout).toContain("decision after step 1: skip step 3 (queue is empty)");
    expect(stdout).not.toContain("draining");
    const log = onlyLog(cwd);
    expect(ofType(log, "step_start").map((record) => record["step"])).toEqual([1, 2, 4]);
    expect(ofType(log, "decision")).toEqual([
      expect.objectContaining({
        afterStep: 1,
        action: "skip_forward",
        skipSteps: [3],
        toStep: 2,
        source: "llm",
      }),
      expect.objectContaining({ afterStep: 2, action: "continue", source: "llm" }),
    ]);
    expect(ofType(log, "step_skipped")).toEqual([
      expect.objectContaining({ step: 3, reason: "decision" }),
    ]);
    // after step 2 only step 4 remains; after step 4 nothing does: no call
    expect(decideRequests(server)).toBe(2);
    expect(
      server.requests.find((request) => request.body.tool_choice.name === "decide_next")?.prompt,
    ).toContain("service healthy");
    expect((await replay(log)).code).toBe(0);
  });

  it("invariant 7: a malformed answer means continue, recorded as malformed", async () => {
    const server = await startFake(() => ({
      kind: "tool",
      input: { action: "rerun", skip_steps: "all" },
    }));
    const cwd = workDir();
    const { code } = await cli(["run", runbook("decide.md"), "--audit-log-dir", "logs"], {
      cwd,
      env: env(server),
    });
    expect(code).toBe(0);
    const log = onlyLog(cwd);
    expect(ofType(log, "step_start").map((record) => record["step"])).toEqual([1, 2, 3, 4]);
    expect(ofType(log, "decision")[0]).toMatchObject({ action: "continue", source: "malformed" });
  });

  it("abort from the model stops the run with exit 1 and run_end", async () => {
    const server = await startFake(() => ({
      kind: "tool",
      input: { action: "abort", skip_steps: [], reasoning: "service is down" },
    }));
    const cwd = workDir();
    const { code } = await cli(["run", runbook("decide.md"), "--audit-log-dir", "logs"], {
      cwd,
      env: env(server),
    });
    expect(code).toBe(1);
    expect(ofType(onlyLog(cwd), "run_end")[0]).toMatchObject({ status: "aborted", exitCode: 1 });
  });

  it("--no-llm-context and --dry-run make no post-step call", async () => {
    const server = await startFake(() => ({
      kind: "tool",
      input: { action: "abort", skip_steps: [], reasoning: "x" },
    }));
    const live = await cli(
      ["run", runbook("decide.md"), "--no-llm-context", "--audit-log-dir", "logs"],
      { cwd: workDir(), env: env(server) },
    );
    expect(live.code).toBe(0);
    const dry = await cli(["run", runbook("decide.md"), "--dry-run", "--audit-log-dir", "logs"], {
      cwd: workDir(),
      env: env(server),
    });
    expect(dry.code).toBe(0);
    expect(decideRequests(server)).toBe(0);
  });
});

describe("run during a Claude outage (the API accepts connections and never answers)", () => {
  it("says at once that Claude did not answer, bounds classification and each decision, and counts the wait in the duration", async () => {
    fake = await startFakeAnthropic(() => ({ kind: "hang" }));
    const cwd = workDir();
    const started = performance.now();
    const { code, stdout, stderr } = await cli(
      ["run", runbook("success.md"), "--audit-log-dir", "logs"],
      {
        cwd,
        env: {
          ...env(fake),
          RUNBOOK_EXEC_LLM_CLASSIFY_BUDGET_SECONDS: "1",
          RUNBOOK_EXEC_LLM_DECISION_BUDGET_SECONDS: "1",
          RUNBOOK_EXEC_LLM_TIMEOUT_SECONDS: "60",
          RUNBOOK_EXEC_CACHE_DIR: `${cwd}/cache`,
        },
      },
    );
    const elapsed = performance.now() - started;
    expect(code).toBe(0);
    expect(stderr).toContain(
      "runbook-exec: Claude did not answer in 1 s: classifying with the rules alone",
    );
    // 1 s of classification and at most 1 s per decision after steps 1 and 2 (none after the last).
    expect(elapsed).toBeLessThan(8_000);
    const log = onlyLog(cwd);
    expect(ofType(log, "decision")).toEqual([
      expect.objectContaining({ afterStep: 1, source: "default", action: "continue" }),
      expect.objectContaining({ afterStep: 2, source: "default", action: "continue" }),
    ]);
    // The run's duration is the wall time from the start, classification included.
    const runEnd = ofType(log, "run_end")[0];
    expect(Number(runEnd?.["durationMs"])).toBeGreaterThanOrEqual(1_000);
    expect(stdout).toContain("duration");
  });
});
