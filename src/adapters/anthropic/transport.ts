import type * as AnthropicSdk from "@anthropic-ai/sdk";
import { DEFAULT_CONFIG } from "../../config/types.js";
import { parseErrorBody } from "../../llm/answers.js";
import type { ToolCall, ToolCallResult, ToolTransport, TransportFailure } from "../../llm/types.js";

/** Options for {@link createAnthropicTransport}. */
export interface AnthropicTransportOptions {
  readonly apiKey: string;
  /** API root; tests point it at a fake server on 127.0.0.1. */
  readonly baseURL: string;
  readonly model: string;
  /** Per-attempt request timeout. */
  readonly timeoutMs: number;
  /** Retries after the first attempt, on 408/409/429/5xx, connection errors and timeouts. */
  readonly maxRetries: number;
  /** Total time for every request of this transport, from its creation; then requests fail at once. */
  readonly budgetMs?: number | undefined;
  /**
   * Most time one call may take, retries and `retry-after` waits included (the SDK would otherwise
   * honour any `retry-after`, however long).
   */
  readonly callBudgetMs?: number | undefined;
  /**
   * Told once when the API says the configured model is unknown, deprecated or retired; every
   * later call then fails at once instead of asking again.
   */
  readonly onModelUnavailable?: ((message: string) => void) | undefined;
}

type AnthropicClass = typeof AnthropicSdk.Anthropic;

let sdk: Promise<AnthropicClass> | undefined;

/**
 * The SDK, loaded on the first request rather than at start-up: it is the largest package in
 * the CLI bundle, and `validate --no-llm`, `replay` and runs without a key never send one (with
 * the MCP SDK, loaded the same way, 60 ms of the CLI's 380 ms of start-up CPU). `eager` keeps it
 * in the bundle file (__tests__/scripts/eager-imports.test.ts).
 */
function loadSdk(): Promise<AnthropicClass> {
  sdk ??= import(/* webpackMode: "eager" */ "@anthropic-ai/sdk").then((module) => module.default);
  return sdk;
}

/**
 * A {@link ToolTransport} over the Messages API with the tool forced by
 * `tool_choice: { type: "tool" }`. No `temperature`: API version 2026-10-21, which this SDK major
 * sends, rejects every sampling parameter with a 400; answers are pinned by the cache instead.
 * Backoff and `retry-after` are the SDK's own retry loop (exponential from 0.5 s, capped at 8 s,
 * honouring `retry-after` / `retry-after-ms`). The run's time budget, when given, starts when the
 * transport is created; the per-call budget, when given, when each call starts.
 */
export function createAnthropicTransport(options: AnthropicTransportOptions): ToolTransport {
  let client: AnthropicSdk.Anthropic | undefined;
  const budget =
    options.budgetMs === undefined
      ? new AbortController().signal
      : AbortSignal.timeout(options.budgetMs);
  const budgetMessage = `time budget of ${(options.budgetMs ?? 0) / 1000} s for Claude requests exhausted`;
  let modelUnavailable: string | undefined;

  return {
    model: options.model,
    async callTool(call: ToolCall): Promise<ToolCallResult> {
      if (budget.aborted) return { ok: false, failure: "budget_exhausted", message: budgetMessage };
      if (modelUnavailable !== undefined)
        return { ok: false, failure: "model_unavailable", message: modelUnavailable };
      const deadline =
        options.callBudgetMs === undefined ? undefined : AbortSignal.timeout(options.callBudgetMs);
      const Anthropic = await loadSdk();
      client ??= new Anthropic({
        apiKey: options.apiKey,
        baseURL: options.baseURL,
        timeout: options.timeoutMs,
        maxRetries: options.maxRetries,
      });
      try {
        const message = await client.messages.create(
          {
            model: options.model,
            max_tokens: call.maxTokens,
            system: call.system,
            tools: [
              {
                name: call.tool.name,
                description: call.tool.description,
                input_schema: { type: "object", ...call.tool.inputSchema },
              },
            ],
            tool_choice: { type: "tool", name: call.tool.name },
            messages: [{ role: "user", content: call.prompt }],
          },
          { signal: deadline === undefined ? budget : AbortSignal.any([budget, deadline]) },
        );
        const block = message.content.find(
          (item) => item.type === "tool_use" && item.name === call.tool.name,
        );
        if (block === undefined || block.type !== "tool_use") {
          return {
            ok: false,
            failure: "no_tool_call",
            message: `the answer has no \`${call.tool.name}\` call (stop_reason ${String(message.stop_reason)})`,
          };
        }
        return { ok: true, input: block.input, stopReason: String(message.stop_reason) };
      } catch (error) {
        if (budget.aborted)
          return { ok: false, failure: "budget_exhausted", message: budgetMessage };
        if (deadline?.aborted === true) {
          const seconds = (options.callBudgetMs ?? 0) / 1000;
          const message = `Claude did not answer within ${seconds} s (retries included)`;
          return { ok: false, failure: "timeout", message };
        }
        const failure = describeFailure(error, options, Anthropic);
        if (
          !failure.ok &&
          failure.failure === "model_unavailable" &&
          modelUnavailable === undefined
        ) {
          modelUnavailable = failure.message;
          options.onModelUnavailable?.(failure.message);
        }
        return failure;
      }
    },
  };
}

/** A failed call as a failure code and a one-line message without secrets or stack. */
function describeFailure(
  error: unknown,
  { timeoutMs, model }: Pick<AnthropicTransportOptions, "timeoutMs" | "model">,
  Anthropic: AnthropicClass,
): ToolCallResult {
  const fail = (failure: TransportFailure, message: string): ToolCallResult => ({
    ok: false,
    failure,
    message,
  });
  if (error instanceof Anthropic.APIUserAbortError)
    return fail("timeout", "the Claude request was cancelled");
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return fail("timeout", `Claude did not answer within ${timeoutMs / 1000} s (after retries)`);
  }
  if (error instanceof Anthropic.APIConnectionError)
    return fail("connection", `cannot reach the Claude API: ${error.message}`);
  if (error instanceof Anthropic.APIError) {
    const body = parseErrorBody(error.error);
    const detail =
      body === undefined
        ? `HTTP ${String(error.status)}`
        : `HTTP ${String(error.status)} ${body.type}: ${body.message}`;
    const status = typeof error.status === "number" ? error.status : 0;
    if (body !== undefined && refusesModel(status, body)) {
      return fail(
        "model_unavailable",
        `the Claude model \`${model}\` is unknown, deprecated or retired (${detail}). ` +
          `Set \`llm_model\` in .runbook-exec.toml (or RUNBOOK_EXEC_LLM_MODEL) to a current model ` +
          `such as \`${DEFAULT_CONFIG.llmModel}\`; until then steps are classified with the rules alone`,
      );
    }
    if (status === 429)
      return fail("rate_limited", `Claude API rate limit (after retries): ${detail}`);
    if (status === 529)
      return fail("overloaded", `Claude API overloaded (after retries): ${detail}`);
    if (status >= 500) return fail("server_error", `Claude API error (after retries): ${detail}`);
    return fail("client_error", `Claude API refused the request: ${detail}`);
  }
  return fail(
    "connection",
    `Claude request failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * Whether an error answer is the API refusing the model itself: a 404 `not_found_error` about the
 * model (unknown or removed), or a 400 that says the model is deprecated or retired.
 */
function refusesModel(status: number, body: { type: string; message: string }): boolean {
  if (!/\bmodel\b/i.test(body.message)) return false;
  if (status === 404 && body.type === "not_found_error") return true;
  return (
    status === 400 &&
    /deprecat|retire|end[- ]of[- ]life|no longer (?:available|supported)/i.test(body.message)
  );
}
