import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  classificationBudgetMs,
  createDecisionModelFromEnv,
  decisionBudgetMs,
  createRiskModelFromEnv,
  NO_API_KEY_BANNER,
} from "../../../src/adapters/anthropic/factory.js";
import { DEFAULT_CONFIG, type Config } from "../../../src/config/types.js";
import {
  classifyEvery,
  startFakeAnthropic,
  type FakeAnthropic,
} from "../../helpers/fake-anthropic.js";
import { parseFixture, toClassify } from "../../llm/fixture-steps.js";

let fake: FakeAnthropic | undefined;
let cacheDir: string | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (cacheDir !== undefined) await rm(cacheDir, { recursive: true, force: true });
});

const config = (overrides: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, ...overrides });

describe("createRiskModelFromEnv", () => {
  it("returns no model without ANTHROPIC_API_KEY (the caller prints the banner)", () => {
    expect(createRiskModelFromEnv({}, config())).toBeUndefined();
    expect(createRiskModelFromEnv({ ANTHROPIC_API_KEY: "" }, config())).toBeUndefined();
    expect(NO_API_KEY_BANNER).toContain("ANTHROPIC_API_KEY is not set");
  });

  it("returns no model under --no-llm even with a key", () => {
    expect(
      createRiskModelFromEnv({ ANTHROPIC_API_KEY: "sk-ant-x" }, config({ noLlm: true })),
    ).toBeUndefined();
  });

  it("talks to ANTHROPIC_BASE_URL with the configured model, concurrency and cache", async () => {
    fake = await startFakeAnthropic(classifyEvery(() => "read_only"));
    cacheDir = await mkdtemp(path.join(tmpdir(), "rbx-factory-"));
    const env = { ANTHROPIC_API_KEY: "sk-ant-factory", ANTHROPIC_BASE_URL: fake.url };
    const settings = config({ llmModel: "claude-haiku-4-5", cacheDir, llmConcurrency: 2 });
    const runbook = toClassify(await parseFixture("mixed.md"));
    const cold = await createRiskModelFromEnv(env, settings)?.classify([runbook]);
    const warm = await createRiskModelFromEnv(env, settings)?.classify([runbook]);
    expect(fake.requests.map((request) => request.body.model)).toEqual(["claude-haiku-4-5"]);
    expect(fake.requests[0]?.prompt).not.toContain("sk-ant-factory");
    expect(warm).toEqual(cold);
  });

  it("budgets the classification phase by llm_classify_budget_seconds (default 20 s)", () => {
    expect(classificationBudgetMs(DEFAULT_CONFIG)).toBe(20_000);
    expect(classificationBudgetMs({ llmClassifyBudgetSeconds: 45 })).toBe(45_000);
  });

  it("against a hanging API, gives up at the budget and says so once, at once", async () => {
    fake = await startFakeAnthropic(() => ({ kind: "hang" }));
    cacheDir = await mkdtemp(path.join(tmpdir(), "rbx-factory-"));
    const env = { ANTHROPIC_API_KEY: "sk-ant-factory", ANTHROPIC_BASE_URL: fake.url };
    // The request timeout is far longer than the budget: only the budget can end the wait.
    const settings = config({ cacheDir, llmClassifyBudgetSeconds: 1, llmTimeoutSeconds: 60 });
    const notices: { message: string; at: number }[] = [];
    const started = performance.now();
    const model = createRiskModelFromEnv(env, settings, (message) =>
      notices.push({ message, at: performance.now() - started }),
    );
    const runbook = toClassify(await parseFixture("mixed.md"));
    const verdicts = await model?.classify([runbook, runbook]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3_000);
    expect(notices.map((notice) => notice.message)).toEqual([
      "Claude did not answer in 1 s: classifying with the rules alone",
    ]);
    expect(notices[0]?.at).toBeLessThan(2_000);
    for (const verdict of verdicts?.flat() ?? [])
      expect(verdict === undefined || verdict.kind === "unusable").toBe(true);
  });
});

describe("createDecisionModelFromEnv", () => {
  it("bounds a decision by llm_decision_budget_seconds (default 10 s)", () => {
    expect(decisionBudgetMs(DEFAULT_CONFIG)).toBe(10_000);
    expect(decisionBudgetMs({ llmDecisionBudgetSeconds: 3 })).toBe(3_000);
  });

  it("against a hanging API, falls back to a decision within its budget", async () => {
    fake = await startFakeAnthropic(() => ({ kind: "hang" }));
    const env = { ANTHROPIC_API_KEY: "sk-ant-factory", ANTHROPIC_BASE_URL: fake.url };
    const model = createDecisionModelFromEnv(
      env,
      config({ llmDecisionBudgetSeconds: 1, llmTimeoutSeconds: 60 }),
    );
    const [step, next] = (await parseFixture("mixed.md")).steps;
    if (step === undefined || next === undefined) throw new Error("fixture has two steps");
    const started = performance.now();
    const decision = await model?.decideNext({
      runbookTitle: "Mixed",
      step,
      exitCode: 0,
      output: "ok\n",
      remaining: [{ index: next.index, text: next.text, risk: "read_only" }],
    });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(decision).toMatchObject({ action: "continue", source: "fallback" });
  });

  it("returns no model without a key, under --no-llm, or under --no-llm-context", () => {
    const env = { ANTHROPIC_API_KEY: "sk-ant-x" };
    expect(createDecisionModelFromEnv({}, config())).toBeUndefined();
    expect(createDecisionModelFromEnv(env, config({ noLlm: true }))).toBeUndefined();
    expect(createDecisionModelFromEnv(env, config({ noLlmContext: true }))).toBeUndefined();
    expect(createDecisionModelFromEnv(env, config())).toBeDefined();
  });
});
