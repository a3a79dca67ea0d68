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

  it("budgets four request timeouts for a run, at least two minutes", () => {
    expect(classificationBudgetMs({ llmTimeoutSeconds: 30 })).toBe(120_000);
    expect(classificationBudgetMs({ llmTimeoutSeconds: 60 })).toBe(240_000);
  });
});

describe("createDecisionModelFromEnv", () => {
  it("bounds a decision by both attempts' timeouts plus 5 s", () => {
    expect(decisionBudgetMs({ llmTimeoutSeconds: 30 })).toBe(65_000);
  });

  it("returns no model without a key, under --no-llm, or under --no-llm-context", () => {
    const env = { ANTHROPIC_API_KEY: "sk-ant-x" };
    expect(createDecisionModelFromEnv({}, config())).toBeUndefined();
    expect(createDecisionModelFromEnv(env, config({ noLlm: true }))).toBeUndefined();
    expect(createDecisionModelFromEnv(env, config({ noLlmContext: true }))).toBeUndefined();
    expect(createDecisionModelFromEnv(env, config())).toBeDefined();
  });
});
