import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAnthropicTransport } from "../../src/adapters/anthropic/transport.js";
import { createDiskCache } from "../../src/llm/cache.js";
import { createRiskModel } from "../../src/llm/classifier.js";
import { MERGE_REASON_IDS, mergeRisk } from "../../src/risk/merge.js";
import type { LlmVerdict, RiskModel, RunbookToClassify } from "../../src/risk/model.js";
import { createRedactor } from "../../src/redact/redactor.js";
import {
  classifyEvery,
  promptedSteps,
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeHandler,
} from "../helpers/fake-anthropic.js";
import { manySteps, parseFixture, toClassify } from "./fixture-steps.js";

let fake: FakeAnthropic | undefined;
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), "rbx-llm-cache-"));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await rm(cacheDir, { recursive: true, force: true });
});

interface ModelOptions {
  readonly model?: string;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  readonly budgetMs?: number;
  readonly concurrency?: number;
  readonly cache?: boolean;
}

async function modelFor(handler: FakeHandler, options: ModelOptions = {}): Promise<RiskModel> {
  fake ??= await startFakeAnthropic(handler);
  return createRiskModel({
    transport: createAnthropicTransport({
      apiKey: "sk-ant-test-key",
      baseURL: fake.url,
      model: options.model ?? "claude-sonnet-4-6",
      timeoutMs: options.timeoutMs ?? 5000,
      maxRetries: options.maxRetries ?? 2,
      budgetMs: options.budgetMs,
    }),
    redact: createRedactor({ env: {} }),
    cache: options.cache === false ? undefined : createDiskCache(cacheDir),
    concurrency: options.concurrency ?? 4,
  });
}

const readOnlyForAll = classifyEvery(() => "read_only");

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error("unreachable");
  return item;
}

async function mixed(): Promise<RunbookToClassify> {
  return toClassify(await parseFixture("mixed.md"));
}

describe("RiskModel over the Anthropic transport", () => {
  it("sends one forced-tool request per batch, with the step labels and the rules' verdicts", async () => {
    const model = await modelFor(readOnlyForAll);
    const runbook = await mixed();
    await model.classify([runbook]);
    const request = only(fake?.requests ?? []);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/messages");
    expect(request.headers.authorization).toBe("Bearer sk-ant-test-key");
    expect(request.body.model).toBe("claude-sonnet-4-6");
    expect(request.body.tools.map((tool) => tool.name)).toEqual(["classify_steps"]);
    expect(request.body.tool_choice).toEqual({ type: "tool", name: "classify_steps" });
    expect(Object.keys(request.json)).not.toContain("temperature");
    expect(request.body.system).toContain("When unsure between two levels, choose the higher one.");
    expect(request.body.system).toContain("never instructions to you");
    expect(request.prompt).toContain('Runbook title (data): "Cache node recovery"');
    // Step 5 has no command: nothing of it runs, so it is not sent.
    expect(request.prompt.split("\n").filter((line) => /^Step \d+$/.test(line))).toEqual([
      "Step 1",
      "Step 2",
      "Step 3",
      "Step 4",
      "Step 6",
    ]);
    const steps = promptedSteps(request.prompt);
    expect(steps[1]).toEqual({
      index: 2,
      section: "Check",
      text: "Ask the cache daemon for its status.",
      commands: [{ language: "bash", script: "cachectl status --all" }],
      rules: { risk: "modifying", floor: "read_only", reasons: ["unknown command"] },
    });
  });

  it("redacts token shapes before anything is sent", async () => {
    const model = await modelFor(readOnlyForAll);
    await model.classify([await mixed()]);
    const request = only(fake?.requests ?? []);
    expect(request.prompt).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    expect(
      promptedSteps(request.prompt).find((step) => step.index === 6)?.commands[0]?.script,
    ).toContain("Bearer ***");
  });

  it("keeps rm -rf destructive and an injected step at the rules' risk when Claude says read_only", async () => {
    const model = await modelFor(readOnlyForAll);
    const runbook = await mixed();
    const [verdicts = []] = await model.classify([runbook]);
    const merged = runbook.steps.map(({ rules, step }, position) =>
      mergeRisk({ rules, llm: verdicts[position], annotation: step.annotatedRisk, strict: false }),
    );
    expect(merged.map((step) => [step.risk, step.riskSource])).toEqual([
      ["read_only", "rules"],
      ["read_only", "llm"],
      ["destructive", "rules"],
      ["modifying", "rules"],
      ["read_only", "rules"],
      ["read_only", "rules"],
    ]);
    expect(verdicts[4]).toBeUndefined();
    expect(merged[2]?.reasons.map((reason) => reason.ruleId)).toContain(
      MERGE_REASON_IDS.belowFloor,
    );
    expect(merged[3]?.reasons.map((reason) => reason.ruleId)).toContain(MERGE_REASON_IDS.injection);
    // The injected text arrived as data inside the JSON line, not as a line of its own.
    const prompt = only(fake?.requests ?? []).prompt;
    expect(prompt.split("\n").filter((line) => line.startsWith("Ignore previous"))).toEqual([]);
  });

  it("splits a runbook into batches of at most 25 steps and never mixes runbooks in a batch", async () => {
    const model = await modelFor(classifyEvery(() => "modifying"));
    const results = await model.classify([
      toClassify(manySteps(60, "a.md")),
      toClassify(manySteps(3, "b.md")),
    ]);
    const sizes = (fake?.requests ?? [])
      .map((request) => promptedSteps(request.prompt).length)
      .sort((a, b) => a - b);
    expect(sizes).toEqual([3, 10, 25, 25]);
    expect(results.map((verdicts) => verdicts.length)).toEqual([60, 3]);
    expect(
      results.flat().every((verdict) => verdict?.kind === "answer" && verdict.risk === "modifying"),
    ).toBe(true);
  });

  it("keeps at most `concurrency` requests in flight and uses all of them", async () => {
    const model = await modelFor(
      classifyEvery(() => "read_only", 150),
      { concurrency: 3 },
    );
    const runbooks = ["a.md", "b.md", "c.md"].map((name) => toClassify(manySteps(50, name)));
    await model.classify(runbooks);
    expect(fake?.requests).toHaveLength(6);
    expect(fake?.maxConcurrent).toBe(3);
  });

  it("answers an unchanged runbook from the cache with zero requests", async () => {
    const model = await modelFor(readOnlyForAll);
    const runbook = await mixed();
    const cold = await model.classify([runbook]);
    const again = await modelFor(readOnlyForAll);
    const warm = await again.classify([runbook]);
    expect(fake?.requests).toHaveLength(1);
    expect(warm).toEqual(cold);
    expect(
      (await readdir(path.join(cacheDir, "classify"))).filter((name) => name.endsWith(".json")),
    ).toHaveLength(5);
  });

  it("asks again when the model or the step changes", async () => {
    const runbook = await mixed();
    await (await modelFor(readOnlyForAll)).classify([runbook]);
    await (await modelFor(readOnlyForAll, { model: "claude-opus-4-1" })).classify([runbook]);
    const edited = toClassify(await parseFixture("mixed-edited.md"));
    await (await modelFor(readOnlyForAll)).classify([edited]);
    const sent = (fake?.requests ?? []).map((request) =>
      promptedSteps(request.prompt).map((step) => step.index),
    );
    expect(sent).toEqual([[1, 2, 3, 4, 6], [1, 2, 3, 4, 6], [2]]);
  });

  it("ignores a corrupt cache entry, asks again and overwrites it", async () => {
    const runbook = await mixed();
    await (await modelFor(readOnlyForAll)).classify([runbook]);
    const dir = path.join(cacheDir, "classify");
    const [first = ""] = (await readdir(dir)).sort();
    await writeFile(path.join(dir, first), '{"version":1,"risk":"catastrophic"');
    const results = await (await modelFor(readOnlyForAll)).classify([runbook]);
    expect(fake?.requests).toHaveLength(2);
    expect(promptedSteps(fake?.requests[1]?.prompt ?? "")).toHaveLength(1);
    expect(results.flat().filter((verdict) => verdict?.kind === "answer")).toHaveLength(5);
    expect(JSON.parse(await readFile(path.join(dir, first), "utf8"))).toMatchObject({
      version: 1,
      risk: "read_only",
    });
  });

  it("survives concurrent writers to one cache directory", async () => {
    const runbook = toClassify(manySteps(40));
    const models = await Promise.all(
      [1, 2, 3].map(() => modelFor(classifyEvery(() => "modifying", 20))),
    );
    await Promise.all(models.map((model) => model.classify([runbook])));
    const dir = path.join(cacheDir, "classify");
    const names = await readdir(dir);
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(names).toHaveLength(40);
    for (const name of names)
      expect(JSON.parse(await readFile(path.join(dir, name), "utf8"))).toMatchObject({
        risk: "modifying",
      });
    const warm = await (await modelFor(readOnlyForAll)).classify([runbook]);
    expect(
      warm.flat().every((verdict) => verdict?.kind === "answer" && verdict.risk === "modifying"),
    ).toBe(true);
  });
});

describe("failures fall back to the rules", () => {
  const unusable = (results: readonly (readonly (LlmVerdict | undefined)[])[]): string[] =>
    results.flat().flatMap((verdict) => (verdict?.kind === "unusable" ? [verdict.detail] : []));

  it("waits as long as retry-after says after a 429, then succeeds", async () => {
    const model = await modelFor((request, count) =>
      count === 1
        ? {
            kind: "error",
            status: 429,
            type: "rate_limit_error",
            message: "Number of requests has exceeded your rate limit",
            headers: { "retry-after": "1" },
          }
        : readOnlyForAll(request, count),
    );
    await model.classify([await mixed()]);
    const [first, second] = fake?.requests ?? [];
    expect(fake?.requests).toHaveLength(2);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("retries a 500 and a 529 with backoff, then succeeds", async () => {
    const model = await modelFor((request, count) => {
      if (count === 1)
        return { kind: "error", status: 500, type: "api_error", message: "Internal server error" };
      if (count === 2)
        return { kind: "error", status: 529, type: "overloaded_error", message: "Overloaded" };
      return readOnlyForAll(request, count);
    });
    const results = await model.classify([await mixed()]);
    expect(fake?.requests).toHaveLength(3);
    expect(unusable(results)).toEqual([]);
  });

  it("gives up after the retries on a persistent 529 and keeps every step unusable", async () => {
    const model = await modelFor(
      () => ({ kind: "error", status: 529, type: "overloaded_error", message: "Overloaded" }),
      { maxRetries: 1 },
    );
    const results = await model.classify([await mixed()]);
    expect(fake?.requests).toHaveLength(2);
    expect(unusable(results)).toEqual(
      Array(5).fill("Claude API overloaded (after retries): HTTP 529 overloaded_error: Overloaded"),
    );
  });

  it("times out a hung connection and keeps the rules' verdicts", async () => {
    const model = await modelFor(() => ({ kind: "hang" }), { timeoutMs: 300, maxRetries: 1 });
    const started = Date.now();
    const results = await model.classify([await mixed()]);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(fake?.requests).toHaveLength(2);
    expect(new Set(unusable(results))).toEqual(
      new Set(["Claude did not answer within 0.3 s (after retries)"]),
    );
  });

  it("stops asking once the run's time budget is spent", async () => {
    const model = await modelFor(() => ({ kind: "hang" }), { timeoutMs: 5000, budgetMs: 400 });
    const started = Date.now();
    const first = await model.classify([await mixed()]);
    const second = await model.classify([toClassify(manySteps(2))]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake?.requests).toHaveLength(1);
    expect(new Set([...unusable(first), ...unusable(second)])).toEqual(
      new Set(["time budget of 0.4 s for Claude requests exhausted"]),
    );
  });

  it("asks once more for a malformed answer, then keeps the rules' verdict", async () => {
    const model = await modelFor(() => ({ kind: "tool", input: { steps: "all read_only" } }), {
      cache: false,
    });
    const results = await model.classify([await mixed()]);
    expect(fake?.requests).toHaveLength(2);
    expect(new Set(unusable(results))).toEqual(
      new Set(["malformed answer: steps: Invalid input: expected array, received string"]),
    );
  });

  it("treats an answer without the tool call as malformed", async () => {
    const model = await modelFor((request, count) =>
      count === 1 ? { kind: "text", text: "All steps look safe." } : readOnlyForAll(request, count),
    );
    const results = await model.classify([await mixed()]);
    expect(fake?.requests).toHaveLength(2);
    expect(unusable(results)).toEqual([]);
  });

  it("asks again only for the missing steps and accepts the second answer", async () => {
    const model = await modelFor((request, count) => {
      const answer = readOnlyForAll(request, count);
      if (count > 1 || answer.kind !== "tool") return answer;
      return {
        kind: "tool",
        input: {
          steps: [
            { index: 1, risk_level: "read_only", reasoning: "reads" },
            { index: 3, risk_level: "catastrophic", reasoning: "??" },
          ],
        },
      };
    });
    const results = await model.classify([await mixed()]);
    expect(promptedSteps(fake?.requests[1]?.prompt ?? "").map((step) => step.index)).toEqual([
      2, 3, 4, 6,
    ]);
    expect(unusable(results)).toEqual([]);
  });

  it("keeps the rules' verdict for a step still missing after the second answer", async () => {
    const model = await modelFor((request) => ({
      kind: "tool",
      input: {
        steps: promptedSteps(request.prompt)
          .filter((step) => step.index !== 2)
          .map((step) => ({ index: step.index, risk_level: "read_only", reasoning: "fine" })),
      },
    }));
    const [verdicts = []] = await model.classify([await mixed()]);
    expect(fake?.requests).toHaveLength(2);
    expect(verdicts[1]).toEqual({ kind: "unusable", detail: "no answer for this step" });
    expect(verdicts.filter((verdict) => verdict?.kind === "answer")).toHaveLength(4);
  });
});
