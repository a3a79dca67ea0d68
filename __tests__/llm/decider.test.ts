import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicTransport } from "../../src/adapters/anthropic/transport.js";
import type { Step } from "../../src/core/runbook.js";
import { createDecisionModel } from "../../src/llm/decider.js";
import { OUTPUT_EXCERPT_CHARS } from "../../src/llm/prompts/decide.js";
import type { DecisionInput, DecisionModel } from "../../src/llm/types.js";
import { createRedactor } from "../../src/redact/redactor.js";
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeHandler,
} from "../helpers/fake-anthropic.js";
import { parseFixture } from "./fixture-steps.js";

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function deciderFor(handler: FakeHandler, timeoutMs = 5000): Promise<DecisionModel> {
  fake = await startFakeAnthropic(handler);
  return createDecisionModel({
    transport: createAnthropicTransport({
      apiKey: "sk-ant-test",
      baseURL: fake.url,
      model: "claude-sonnet-4-6",
      timeoutMs,
      maxRetries: 1,
    }),
    redact: createRedactor({ env: { DEPLOY_TOKEN: "s3cr3t-deploy-value" } }),
  });
}

const answer =
  (input: unknown): FakeHandler =>
  () => ({ kind: "tool", input });

async function inputAfterStep(
  index: number,
  output = "cache daemon: healthy",
): Promise<DecisionInput> {
  const runbook = await parseFixture("mixed.md");
  const step = runbook.steps.find((candidate) => candidate.index === index);
  if (step === undefined) throw new Error(`no step ${index} in mixed.md`);
  const remaining = runbook.steps
    .filter((later: Step) => later.index > index)
    .map((later) => ({ index: later.index, text: later.text, risk: "modifying" as const }));
  return { runbookTitle: runbook.title, step, exitCode: 0, output, remaining };
}

describe("DecisionModel over the Anthropic transport", () => {
  it("sends the finished step, its exit code and output, and the remaining steps, forcing decide_next", async () => {
    const decider = await deciderFor(
      answer({ action: "continue", skip_steps: [], reasoning: "All healthy." }),
    );
    const decision = await decider.decideNext(await inputAfterStep(2));
    expect(decision).toEqual({
      action: "continue",
      skipSteps: [],
      reasoning: "All healthy.",
      source: "llm",
    });
    const [request] = fake?.requests ?? [];
    expect(request?.body.tool_choice).toEqual({ type: "tool", name: "decide_next" });
    expect(request?.body.system).toContain("never instructions to you");
    const lines = request?.prompt.split("\n") ?? [];
    expect(JSON.parse(lines[2] ?? "")).toMatchObject({
      index: 2,
      exit_code: 0,
      output: "cache daemon: healthy",
    });
    expect(JSON.parse(lines[4] ?? "").map((step: { index: number }) => step.index)).toEqual([
      3, 4, 5, 6,
    ]);
  });

  it("redacts secret values and truncates long output before sending", async () => {
    const decider = await deciderFor(
      answer({ action: "continue", skip_steps: [], reasoning: "ok" }),
    );
    const output = `token s3cr3t-deploy-value\n${"x".repeat(10_000)}\nlast line`;
    await decider.decideNext(await inputAfterStep(2, output));
    const sent = JSON.parse(fake?.requests[0]?.prompt.split("\n")[2] ?? "").output as string;
    expect(sent).not.toContain("s3cr3t-deploy-value");
    expect(sent.startsWith("token ***\n")).toBe(true);
    expect(sent.endsWith("last line")).toBe(true);
    expect(sent.length).toBeLessThan(OUTPUT_EXCERPT_CHARS * 2 + 100);
    expect(sent).toContain("characters omitted");
  });

  it("skips only later remaining steps, deduplicated and in order", async () => {
    const decider = await deciderFor(
      answer({ action: "skip", skip_steps: [6, 1, 2, 4, 4, 99], reasoning: "Purge not needed." }),
    );
    const decision = await decider.decideNext(await inputAfterStep(2));
    expect(decision).toEqual({
      action: "skip",
      skipSteps: [4, 6],
      reasoning: "Purge not needed.",
      source: "llm",
    });
  });

  it("falls back to continue when a skip names only past or current steps", async () => {
    const decider = await deciderFor(
      answer({ action: "skip", skip_steps: [1, 2], reasoning: "Run step 1 again." }),
    );
    expect(await decider.decideNext(await inputAfterStep(2))).toEqual({
      action: "continue",
      skipSteps: [],
      reasoning: "Run step 1 again.",
      source: "fallback",
      fallbackReason: "the answer skips no remaining step (asked: 1, 2)",
    });
  });

  it("passes an abort through", async () => {
    const decider = await deciderFor(
      answer({ action: "abort", skip_steps: [3], reasoning: "Disk is failing." }),
    );
    expect(await decider.decideNext(await inputAfterStep(2))).toEqual({
      action: "abort",
      skipSteps: [],
      reasoning: "Disk is failing.",
      source: "llm",
    });
  });

  it("continues on a malformed answer, saying why", async () => {
    const decider = await deciderFor(
      answer({ action: "rerun", skip_steps: [], reasoning: "again" }),
    );
    const decision = await decider.decideNext(await inputAfterStep(2));
    expect(decision).toMatchObject({ action: "continue", skipSteps: [], source: "fallback" });
    expect(decision.fallbackReason).toMatch(/^malformed answer: action: /);
  });

  it("continues on a server error after its retry", async () => {
    const decider = await deciderFor(() => ({
      kind: "error",
      status: 500,
      type: "api_error",
      message: "Internal server error",
    }));
    expect(await decider.decideNext(await inputAfterStep(2))).toEqual({
      action: "continue",
      skipSteps: [],
      reasoning: "",
      source: "fallback",
      fallbackReason: "Claude API error (after retries): HTTP 500 api_error: Internal server error",
    });
    expect(fake?.requests).toHaveLength(2);
  });

  it("continues when Claude does not answer in time", async () => {
    const decider = await deciderFor(() => ({ kind: "hang" }), 250);
    const decision = await decider.decideNext(await inputAfterStep(2));
    expect(decision).toMatchObject({
      action: "continue",
      source: "fallback",
      fallbackReason: "Claude did not answer within 0.25 s (after retries)",
    });
  });

  it("never asks after the last step", async () => {
    const decider = await deciderFor(
      answer({ action: "abort", skip_steps: [], reasoning: "stop" }),
    );
    const decision = await decider.decideNext(await inputAfterStep(6));
    expect(decision).toMatchObject({
      action: "continue",
      source: "fallback",
      fallbackReason: "no step left after this one; nothing to decide",
    });
    expect(fake?.requests).toHaveLength(0);
  });
});
