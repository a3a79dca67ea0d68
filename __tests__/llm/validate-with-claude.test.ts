// End to end: the validate engine with the real rules, the real SDK and the fake Messages API.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRiskModelFromEnv } from "../../src/adapters/anthropic/factory.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config/types.js";
import { validateRunbooks } from "../../src/app/validate.js";
import {
  classifyEvery,
  startFakeAnthropic,
  type FakeAnthropic,
} from "../helpers/fake-anthropic.js";
import { FIXTURES } from "./fixture-steps.js";

let fake: FakeAnthropic;
let cacheDir: string;
beforeEach(async () => {
  fake = await startFakeAnthropic(classifyEvery(() => "read_only"));
  cacheDir = await mkdtemp(path.join(tmpdir(), "rbx-validate-llm-"));
});
afterEach(async () => {
  await fake.close();
  await rm(cacheDir, { recursive: true, force: true });
});

async function validate(overrides: Partial<Config> = {}) {
  // A fixed model, so the cache keys do not depend on the default.
  const config: Config = {
    ...DEFAULT_CONFIG,
    llmModel: "claude-sonnet-4-6",
    cacheDir,
    ...overrides,
  };
  const env = { ANTHROPIC_API_KEY: "sk-ant-e2e", ANTHROPIC_BASE_URL: fake.url };
  const { report } = await validateRunbooks([path.join(FIXTURES, "mixed.md")], {
    config,
    riskModel: createRiskModelFromEnv(env, config),
  });
  return (report.runbooks[0]?.steps ?? []).map((step) => [step.index, step.risk, step.riskSource]);
}

describe("validate with Claude", () => {
  it("lets Claude lower unknown commands only, and answers a second run from the cache", async () => {
    const expected = [
      [1, "read_only", "rules"],
      [2, "read_only", "llm"],
      [3, "destructive", "rules"],
      // An unknown tool whose words name a deletion (`purge`) is destructive (issue 10);
      // the injected text cannot lower it either way.
      [4, "destructive", "rules"],
      [5, "read_only", "rules"],
      [6, "read_only", "rules"],
    ];
    expect(await validate()).toEqual(expected);
    expect(fake.requests).toHaveLength(1);
    expect(await validate()).toEqual(expected);
    expect(fake.requests).toHaveLength(1);
  });

  it("sends nothing under --no-llm", async () => {
    expect((await validate({ noLlm: true })).map(([, , source]) => source)).not.toContain("llm");
    expect(fake.requests).toHaveLength(0);
  });

  it("keeps unknown commands at modifying under --strict", async () => {
    expect((await validate({ strict: true }))[1]).toEqual([2, "modifying", "rules"]);
  });
});
