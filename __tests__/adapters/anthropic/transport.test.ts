import { afterEach, describe, expect, it } from "vitest";
import {
  createAnthropicTransport,
  type AnthropicTransportOptions,
} from "../../../src/adapters/anthropic/transport.js";
import type { ToolCall } from "../../../src/llm/types.js";
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeHandler,
} from "../../helpers/fake-anthropic.js";

let fake: FakeAnthropic | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const call: ToolCall = {
  system: "system text",
  prompt: "Step 1",
  tool: {
    name: "echo",
    description: "Echo.",
    inputSchema: { properties: { value: { type: "string" } }, required: ["value"] },
  },
  maxTokens: 100,
};

async function transportFor(
  handler: FakeHandler,
  baseURL?: string,
  extra: Partial<AnthropicTransportOptions> = {},
) {
  fake = await startFakeAnthropic(handler);
  return createAnthropicTransport({
    apiKey: "sk-ant-t",
    baseURL: baseURL ?? fake.url,
    model: "claude-sonnet-4-6",
    timeoutMs: 2000,
    maxRetries: 2,
    ...extra,
  });
}

describe("createAnthropicTransport", () => {
  it("returns the forced tool's input and sends the schema as an object schema", async () => {
    const transport = await transportFor(() => ({ kind: "tool", input: { value: "hi" } }));
    expect(await transport.callTool(call)).toEqual({
      ok: true,
      input: { value: "hi" },
      stopReason: "tool_use",
    });
    const [request] = fake?.requests ?? [];
    expect(request?.body).toMatchObject({
      max_tokens: 100,
      system: "system text",
      tools: [
        {
          name: "echo",
          description: "Echo.",
          input_schema: { type: "object", required: ["value"] },
        },
      ],
    });
    expect(request?.headers["anthropic-version"]).toBe("2026-10-21");
  });

  it("reports a call of another tool as no tool call", async () => {
    const transport = await transportFor(() => ({ kind: "tool", name: "other", input: {} }));
    expect(await transport.callTool(call)).toMatchObject({ ok: false, failure: "no_tool_call" });
  });

  it("does not retry a 400 and names the API's error", async () => {
    const transport = await transportFor(() => ({
      kind: "error",
      status: 400,
      type: "invalid_request_error",
      message: "max_tokens: too large",
    }));
    expect(await transport.callTool(call)).toEqual({
      ok: false,
      failure: "client_error",
      message:
        "Claude API refused the request: HTTP 400 invalid_request_error: max_tokens: too large",
    });
    expect(fake?.requests).toHaveLength(1);
  });

  it("reports a 429 that outlasts the retries as rate limited", async () => {
    const transport = await transportFor(() => ({
      kind: "error",
      status: 429,
      type: "rate_limit_error",
      message: "slow down",
      headers: { "retry-after": "0.05" },
    }));
    expect(await transport.callTool(call)).toMatchObject({ ok: false, failure: "rate_limited" });
    expect(fake?.requests).toHaveLength(3);
  });

  it("bounds one call by its budget even when retry-after asks for an hour", async () => {
    fake = await startFakeAnthropic(() => ({
      kind: "error",
      status: 429,
      type: "rate_limit_error",
      message: "slow down",
      headers: { "retry-after": "3600" },
    }));
    const transport = createAnthropicTransport({
      apiKey: "sk-ant-t",
      baseURL: fake.url,
      model: "claude-sonnet-4-6",
      timeoutMs: 2000,
      maxRetries: 2,
      callBudgetMs: 300,
    });
    const started = Date.now();
    expect(await transport.callTool(call)).toEqual({
      ok: false,
      failure: "timeout",
      message: "Claude did not answer within 0.3 s (retries included)",
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.requests).toHaveLength(1);
  });

  it("reports a refused connection without a stack trace", async () => {
    const transport = await transportFor(() => ({ kind: "hang" }), "http://127.0.0.1:9");
    const result = await transport.callTool(call);
    expect(result).toMatchObject({ ok: false, failure: "connection" });
    if (!result.ok) expect(result.message).not.toContain("\n    at ");
  }, 20_000);
});

describe("a model the API refuses", () => {
  const notFound: FakeHandler = () => ({
    kind: "error",
    status: 404,
    type: "not_found_error",
    message: "model: claude-sonnet-4-6",
  });

  it("is said once, with the key to change, and not asked again", async () => {
    const notices: string[] = [];
    const transport = await transportFor(notFound, undefined, {
      onModelUnavailable: (message) => notices.push(message),
    });
    const first = await transport.callTool(call);
    const second = await transport.callTool(call);
    expect(first).toMatchObject({ ok: false, failure: "model_unavailable" });
    expect(second).toEqual(first);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("`claude-sonnet-4-6` is unknown, deprecated or retired");
    expect(notices[0]).toContain("`llm_model`");
    expect(fake?.requests).toHaveLength(1);
  });

  it("recognises a 400 that says the model is retired, but not other 400s", async () => {
    const answers = [
      { message: "The model claude-sonnet-4-5 has been retired.", unavailable: true },
      { message: "model: claude-3-x is deprecated", unavailable: true },
      { message: "max_tokens: too large for this model", unavailable: false },
    ];
    for (const answer of answers) {
      const transport = await transportFor(() => ({
        kind: "error",
        status: 400,
        type: "invalid_request_error",
        message: answer.message,
      }));
      const result = await transport.callTool(call);
      expect(result).toMatchObject({
        ok: false,
        failure: answer.unavailable ? "model_unavailable" : "client_error",
      });
      await fake?.close();
      fake = undefined;
    }
  });
});
