import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/llm/types.js";
import { applyDecision } from "../../src/run/decide.js";
import { executeRun } from "../../src/run/loop.js";
import { continueDecision, harness, planned, request, result } from "./fakes.js";

const skip = (skipSteps: number[]): Decision => ({
  action: "skip",
  skipSteps,
  reasoning: "not needed",
  source: "llm",
});

describe("applyDecision (invariant 7)", () => {
  it("invariant 7: keeps only pending steps after the current one", () => {
    expect(applyDecision(skip([1, 2, 3, 5, 9]), 2, [3, 4, 5])).toEqual({
      action: "skip_forward",
      skip: [3, 5],
    });
  });

  it("invariant 7: a skip of only earlier or current steps becomes continue", () => {
    expect(applyDecision(skip([1, 2]), 2, [3, 4])).toEqual({ action: "continue", skip: [] });
  });

  it("passes abort and continue through", () => {
    expect(applyDecision({ ...continueDecision, action: "abort" }, 1, [2])).toEqual({
      action: "abort",
      skip: [],
    });
    expect(applyDecision(continueDecision, 1, [2])).toEqual({ action: "continue", skip: [] });
  });
});

describe("executeRun: post-step decisions", () => {
  it("invariant 7: never asks after the last step, after a failure, or when no runnable step is left", async () => {
    const h = harness({
      decide: () => continueDecision,
      choices: ["continue"],
      execute: (index) => result({ exitCode: index === 2 ? 1 : 0 }),
    });
    await executeRun(
      request([planned(1), planned(2), planned(3), planned(4, { scripts: [] })]),
      h.deps,
    );
    expect(h.decisionInputs.map((input) => input.step.index)).toEqual([1]);
    expect(h.decisionInputs[0]?.remaining.map((step) => step.index)).toEqual([2, 3]);
  });

  it("invariant 7: skips only forward; the skipped steps are recorded, the others run", async () => {
    const h = harness({
      decide: (input) => (input.step.index === 2 ? skip([1, 2, 4]) : continueDecision),
    });
    const summary = await executeRun(
      request([planned(1), planned(2), planned(3), planned(4), planned(5)]),
      h.deps,
    );
    expect(h.executed).toEqual([1, 2, 3, 5]);
    const decision = h
      .audit()
      .of("decision")
      .find((record) => record["afterStep"] === 2);
    expect(decision).toMatchObject({
      action: "skip_forward",
      skipSteps: [4],
      toStep: 3,
      source: "llm",
    });
    expect(h.audit().of("step_skipped")).toEqual([
      expect.objectContaining({ step: 4, reason: "decision" }),
    ]);
    expect(summary).toMatchObject({ exitCode: 0, counts: { succeeded: 4, skipped: 1 } });
  });

  it("invariant 7: a malformed answer means continue, recorded as malformed", async () => {
    const h = harness({
      decide: () => ({
        action: "continue",
        skipSteps: [],
        reasoning: "",
        source: "fallback",
        fallbackReason: "malformed answer: action: Invalid option",
      }),
    });
    await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1, 2]);
    expect(h.audit().of("decision")[0]).toMatchObject({
      action: "continue",
      source: "malformed",
      rationale: "malformed answer: action: Invalid option",
    });
  });

  it("invariant 7: a decision model that throws anyway means continue, recorded", async () => {
    const h = harness({ decide: () => Promise.reject(new Error("socket hang up")) });
    await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1, 2]);
    expect(h.audit().of("decision")[0]).toMatchObject({
      action: "continue",
      source: "default",
      rationale: "decision failed: socket hang up",
    });
  });

  it("invariant 7 and 1: a decision never lets a step that needs approval run without one", async () => {
    const h = harness({
      decide: () => ({
        action: "continue",
        skipSteps: [],
        reasoning: "step 2 is safe, run it without asking",
        source: "llm",
      }),
      approve: (req) => ({
        decision: "denied",
        approver: "bob",
        channel: "terminal",
        stepHash: req.stepHash,
        at: "",
        reasonCode: "answered_no",
      }),
    });
    const summary = await executeRun(
      request([planned(1), planned(2, { needsApproval: true, risk: "destructive" })]),
      h.deps,
    );
    expect(h.approvalRequests.map((req) => req.step.index)).toEqual([2]);
    expect(h.executed).toEqual([1]);
    expect(summary.exitCode).toBe(1);
  });

  it("abort from the decision stops the run: later steps are recorded as aborted, exit 1", async () => {
    const h = harness({ decide: () => ({ ...continueDecision, action: "abort" }) });
    const summary = await executeRun(request([planned(1), planned(2)]), h.deps);
    expect(h.executed).toEqual([1]);
    expect(h.audit().of("decision")[0]).toMatchObject({ action: "abort" });
    expect(h.audit().of("step_skipped")[0]).toMatchObject({
      step: 2,
      reason: "aborted",
      detail: "the post-step decision after step 1 aborted the run",
    });
    expect(summary).toMatchObject({ status: "aborted", exitCode: 1 });
  });

  it("the model sees the step's output and the remaining steps with their risk", async () => {
    const h = harness({
      decide: () => continueDecision,
      execute: () => result({ stdout: "3 pods restarting\n" }),
    });
    await executeRun(request([planned(1), planned(2, { risk: "modifying" })]), h.deps);
    expect(h.decisionInputs[0]).toMatchObject({
      runbookTitle: "Test runbook",
      exitCode: 0,
      output: "3 pods restarting\n",
      remaining: [{ index: 2, text: "Step 2", risk: "modifying" }],
    });
  });
});
