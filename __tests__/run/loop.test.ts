import { describe, expect, it } from "vitest";
import { ApprovalInterruptedError } from "../../src/gate/errors.js";
import { executeRun } from "../../src/run/loop.js";
import { approved, harness, planned, request, result } from "./fakes.js";

describe("executeRun: order and records", () => {
  it("runs every step in order: gate, execute, record, head after each step", async () => {
    const h = harness();
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(summary).toMatchObject({
      status: "succeeded",
      exitCode: 0,
      counts: { steps: 2, succeeded: 2 },
    });
    expect(h.executed).toEqual([1, 2]);
    expect(h.audit().types()).toEqual([
      "run_start",
      "step_planned",
      "step_planned",
      "approval",
      "step_start",
      "step_result",
      "approval",
      "step_start",
      "step_result",
      "run_end",
    ]);
    expect(h.audit().of("approval")[0]).toMatchObject({
      channel: "auto",
      decision: "approved",
      approver: null,
    });
    expect(h.events.filter((event) => event.startsWith("head"))).toEqual(["head 6", "head 9"]);
    expect(h.audit().runEnd()).toMatchObject({ status: "succeeded", exitCode: 0, signal: null });
    expect(h.subscribed()).toBe(false);
  });

  it("skips and records steps without a command, before --from-step and already done", async () => {
    const h = harness();
    const steps = [
      planned(1, { disposition: "already_done" }),
      planned(2, { disposition: "not_selected" }),
      planned(3, { scripts: [] }),
      planned(4),
    ];
    const summary = await executeRun(request(steps), h.deps);
    expect(h.executed).toEqual([4]);
    expect(
      h
        .audit()
        .of("step_skipped")
        .map((record) => [record["step"], record["reason"]]),
    ).toEqual([
      [1, "already_done"],
      [2, "not_selected"],
      [3, "no_command"],
    ]);
    expect(summary).toMatchObject({ exitCode: 0, counts: { skipped: 3, succeeded: 1 } });
    // Only the step that ran shows the audit head (the summary carries the final one):
    // three skips add no `audit head:` lines.
    const heads = h.events.filter((event) => event.startsWith("head"));
    expect(heads).toHaveLength(1);
    expect(summary.head.seq).toBeGreaterThan(Number(heads[0]?.split(" ")[1]));
  });

  it("counts the run's duration from the command's start (classification included), in the summary and run_end", async () => {
    const h = harness();
    const deps = { ...h.deps, now: () => 25_000 };
    // The command started 21 s before the loop: e.g. 20 s waiting for Claude to classify.
    const summary = await executeRun(request([planned(1)], { startedAt: 4_000 }), deps);
    expect(summary.durationMs).toBe(21_000);
    expect(h.audit().runEnd()).toMatchObject({ durationMs: 21_000 });
  });

  it("records each step's result with its hash, exit code and output excerpt", async () => {
    const h = harness({ execute: () => result({ exitCode: 0, stdout: "disk ok\n" }) });
    const step = planned(1);
    await executeRun(request([step]), h.deps);
    expect(h.audit().of("step_result")[0]).toMatchObject({
      step: 1,
      stepHash: step.stepHash,
      status: "succeeded",
      exitCode: 0,
      output: { head: "disk ok\n", stdoutBytes: 8 },
    });
  });
});

describe("executeRun: approval gate", () => {
  it("invariant 1: asks for approval bound to the step hash before a step above the auto-approve level runs", async () => {
    const h = harness();
    const risky = planned(2, { risk: "destructive", needsApproval: true });
    await executeRun(request([planned(1), risky]), h.deps);
    expect(h.approvalRequests).toHaveLength(1);
    expect(h.approvalRequests[0]).toMatchObject({
      stepHash: risky.stepHash,
      step: { index: 2, risk: "destructive" },
    });
    expect(h.audit().of("approval")[1]).toMatchObject({
      step: 2,
      stepHash: risky.stepHash,
      decision: "approved",
      channel: "terminal",
      approver: "alice",
    });
    expect(h.audit().types().indexOf("step_start", 6)).toBeGreaterThan(
      h.audit().types().lastIndexOf("approval"),
    );
  });

  it("invariant 1: an approval of another hash does not run the step", async () => {
    const h = harness({ approve: (req) => ({ ...approved(req), stepHash: "f".repeat(64) }) });
    const summary = await executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" })]),
      h.deps,
    );
    expect(h.executed).toEqual([]);
    expect(h.audit().of("approval")[0]).toMatchObject({ decision: "denied" });
    expect(String(h.audit().of("approval")[0]?.["detail"])).toContain("hash_mismatch");
    expect(summary).toMatchObject({ exitCode: 1, counts: { denied: 1 } });
  });

  it("invariant 3: a channel error or a timeout means denied, and nothing runs", async () => {
    for (const approve of [
      () => Promise.reject(new Error("slack is down")),
      (req: Parameters<typeof approved>[0]) => ({
        ...approved(req),
        decision: "timed_out" as const,
        approver: undefined,
        reasonCode: "timeout" as const,
      }),
    ]) {
      const h = harness({ approve });
      const summary = await executeRun(
        request([planned(1, { needsApproval: true, risk: "modifying" }), planned(2)]),
        h.deps,
      );
      expect(h.executed).toEqual([]);
      expect(h.audit().of("approval")[0]?.["decision"]).not.toBe("approved");
      expect(summary.exitCode).toBe(1);
    }
  });

  it("denial with no operator aborts the run: later steps are recorded as aborted, run_end is written", async () => {
    const h = harness({
      approve: (req) => ({
        ...approved(req),
        decision: "denied",
        reasonCode: "no_channel",
        approver: undefined,
      }),
    });
    const summary = await executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" }), planned(2)]),
      h.deps,
    );
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1, counts: { denied: 1 } });
    expect(h.executed).toEqual([]);
    expect(h.audit().of("step_skipped")).toEqual([
      expect.objectContaining({ step: 2, reason: "aborted" }),
    ]);
    expect(h.audit().types().at(-1)).toBe("run_end");
  });
});

describe("executeRun: after a failure or a denial", () => {
  const failing = { execute: (index: number) => result({ exitCode: index === 1 ? 3 : 0 }) };

  it("with no operator, aborts: exit 1, status aborted", async () => {
    const h = harness(failing);
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1]);
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1, counts: { failed: 1 } });
    expect(h.audit().of("operator_choice")).toEqual([
      expect.objectContaining({
        step: 1,
        problem: "failed",
        choice: "abort",
        how: "no_operator",
        channel: null,
        by: null,
      }),
    ]);
    expect(h.audit().of("step_skipped")[0]).toMatchObject({
      step: 2,
      reason: "aborted",
      detail:
        "step 1 failed (exit 3); there is no operator to ask (stdin is not a terminal and Slack is not configured)",
    });
  });

  it("an approval nobody answered, then an operator question nobody answered: said as such, never 'the operator aborted'", async () => {
    const h = harness({
      approve: (req) => ({
        ...approved(req),
        decision: "timed_out",
        reasonCode: "timeout",
        approver: undefined,
      }),
      choices: [{ choice: "abort", how: "timeout" }],
    });
    const summary = await executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" }), planned(2)], {
        approvalTimeoutMs: 900_000,
      }),
      h.deps,
    );
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1 });
    expect(h.questions[0]?.detail).toBe(
      "approval timed out: nobody answered within 15m 00s (timeout)",
    );
    expect(h.audit().of("operator_choice")[0]).toMatchObject({
      choice: "abort",
      how: "timeout",
      channel: "terminal",
      by: null,
    });
    const detail = String(h.audit().of("step_skipped")[0]?.["detail"]);
    expect(detail).toBe(
      "step 1 denied (approval timed out: nobody answered within 15m 00s (timeout)); nobody answered what to do next within 15m 00s",
    );
    expect(detail).not.toContain("operator aborted");
  });

  it("every operator answer is recorded, with who chose: retry, then skip", async () => {
    const h = harness({ ...failing, choices: ["retry", "skip"] });
    await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(
      h
        .audit()
        .of("operator_choice")
        .map((record) => record["choice"]),
    ).toEqual(["retry", "skip"]);
    expect(h.audit().of("operator_choice")[0]).toMatchObject({ how: "answered", by: "alice" });
    expect(
      h
        .audit()
        .types()
        .filter((type) => type !== "step_planned"),
    ).toEqual([
      "run_start",
      "approval",
      "step_start",
      "step_result",
      "operator_choice",
      "approval",
      "step_start",
      "step_result",
      "operator_choice",
      "step_skipped",
      "approval",
      "step_start",
      "step_result",
      "run_end",
    ]);
  });

  it("retry is capped: the step runs at most 1 + maxRetries times, then the run aborts", async () => {
    const h = harness({ ...failing, choices: ["retry", "retry", "retry", "retry"] });
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1, 1, 1]);
    expect(h.questions.map((question) => question.retriesLeft)).toEqual([2, 1, 0]);
    expect(h.events).toContain("start 1#3");
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1 });
  });

  it("retry of a denied step asks for approval again", async () => {
    let asked = 0;
    const h = harness({
      approve: (req) =>
        ++asked === 1
          ? { ...approved(req), decision: "denied", reasonCode: "answered_no" }
          : approved(req),
      choices: ["retry"],
    });
    const summary = await executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" })]),
      h.deps,
    );
    expect(h.approvalRequests).toHaveLength(2);
    expect(h.executed).toEqual([1]);
    expect(summary).toMatchObject({ exitCode: 0, counts: { succeeded: 1, denied: 0 } });
  });

  it("continue goes on but the run still fails (exit 1)", async () => {
    const h = harness({ ...failing, choices: ["continue"] });
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1, 2]);
    expect(summary).toMatchObject({
      status: "failed",
      exitCode: 1,
      counts: { failed: 1, succeeded: 1 },
    });
  });

  it("skip records the step as skipped on purpose and the run can succeed", async () => {
    const h = harness({ ...failing, choices: ["skip"] });
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.audit().of("step_skipped")[0]).toMatchObject({ step: 1, reason: "operator" });
    expect(summary).toMatchObject({
      status: "succeeded",
      exitCode: 0,
      counts: { skipped: 1, succeeded: 1 },
    });
  });

  it("abort stops the run", async () => {
    const h = harness({ ...failing, choices: ["abort"] });
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1]);
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1 });
  });
});

describe("executeRun: signals and unexpected errors", () => {
  it("invariant 6: SIGTERM during a step cancels it and still writes run_end; exit 143", async () => {
    const h = harness({
      execute: (_index, options) =>
        new Promise((resolve) =>
          options.signal?.addEventListener("abort", () => resolve(result({ canceled: true }))),
        ),
    });
    const running = executeRun(request([planned(1), planned(2)]), h.deps);
    await new Promise((resolve) => setTimeout(resolve, 10));
    h.raise("SIGTERM");
    const summary = await running;
    expect(summary).toMatchObject({ status: "interrupted", exitCode: 143, counts: { failed: 1 } });
    expect(h.audit().runEnd()).toMatchObject({
      status: "interrupted",
      signal: "SIGTERM",
      exitCode: 143,
    });
    expect(h.audit().of("step_skipped")).toEqual([
      expect.objectContaining({ step: 2, reason: "aborted", detail: "SIGTERM received" }),
    ]);
    expect(h.executed).toEqual([1]);
  });

  it("invariant 6: a stop request (ChatOps /abort) during a step kills it; run_end says aborted, exit 1", async () => {
    let stop: ((reason: string) => void) | undefined;
    const h = harness({
      execute: (_index, options) =>
        new Promise((resolve) =>
          options.signal?.addEventListener("abort", () => resolve(result({ canceled: true }))),
        ),
    });
    const deps = {
      ...h.deps,
      stops: (handler: (reason: string) => void) => {
        stop = handler;
        return () => (stop = undefined);
      },
    };
    const running = executeRun(request([planned(1), planned(2)]), deps);
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop?.("/abort by alice");
    const summary = await running;
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1, counts: { failed: 1 } });
    expect(h.audit().runEnd()).toMatchObject({ status: "aborted", signal: null, exitCode: 1 });
    expect(h.audit().of("step_skipped")).toEqual([
      expect.objectContaining({ step: 2, reason: "aborted", detail: "/abort by alice" }),
    ]);
    expect(stop).toBeUndefined();
  });

  it("a stop request while waiting for approval ends the run aborted, the step never runs", async () => {
    let stop: ((reason: string) => void) | undefined;
    const h = harness({ approve: () => new Promise<never>(() => undefined) });
    const deps = {
      ...h.deps,
      stops: (handler: (reason: string) => void) => {
        stop = handler;
        return () => undefined;
      },
    };
    const running = executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" })]),
      deps,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop?.("/abort by bob");
    expect(await running).toMatchObject({ status: "aborted", exitCode: 1 });
    expect(h.executed).toEqual([]);
    expect(h.audit().types().at(-1)).toBe("run_end");
  });

  it("invariant 6: SIGINT while waiting for approval ends the run with 130 and run_end", async () => {
    const h = harness({
      approve: () => new Promise<never>(() => undefined),
    });
    const running = executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" })]),
      h.deps,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    h.raise("SIGINT");
    const summary = await running;
    expect(summary).toMatchObject({ status: "interrupted", exitCode: 130 });
    expect(h.executed).toEqual([]);
    expect(h.audit().of("step_skipped")[0]).toMatchObject({ step: 1, reason: "aborted" });
    expect(h.audit().types().at(-1)).toBe("run_end");
  });

  it("invariant 6: Ctrl-C at the approval prompt ends the run like SIGINT: 130, run_end written", async () => {
    const h = harness({ approve: () => Promise.reject(new ApprovalInterruptedError(1)) });
    const summary = await executeRun(
      request([planned(1, { needsApproval: true, risk: "modifying" }), planned(2)]),
      h.deps,
    );
    expect(summary).toMatchObject({ status: "interrupted", exitCode: 130 });
    expect(h.executed).toEqual([]);
    expect(h.audit().runEnd()).toMatchObject({ signal: "SIGINT", exitCode: 130 });
  });

  it("invariant 6: an unexpected error mid-run still writes run_end, then surfaces", async () => {
    const h = harness({ execute: () => Promise.reject(new Error("spawn exploded")) });
    await expect(executeRun(request([planned(1)]), h.deps)).rejects.toThrow("spawn exploded");
    expect(h.audit().runEnd()).toMatchObject({ status: "aborted", exitCode: 1 });
  });

  it("resume: a changed completed step that is not re-approved stops the run before anything executes", async () => {
    const changed = planned(1, { disposition: "already_done" });
    const h = harness({
      approve: (req) => ({ ...approved(req), decision: "denied", reasonCode: "answered_no" }),
    });
    const summary = await executeRun(
      request([changed, planned(2)], { changedDone: [changed] }),
      h.deps,
    );
    expect(h.approvalRequests[0]?.stepHash).toBe(changed.stepHash);
    expect(h.executed).toEqual([]);
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1 });
  });
});
