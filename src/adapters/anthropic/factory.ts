import type { Env } from "../../core/io.js";
import type { Config } from "../../config/types.js";
import { createDiskCache } from "../../llm/cache.js";
import { createRiskModel } from "../../llm/classifier.js";
import { createDecisionModel } from "../../llm/decider.js";
import type { DecisionModel, ToolTransport } from "../../llm/types.js";
import type { RiskModel } from "../../risk/model.js";
import { createRedactor } from "../../redact/redactor.js";
import { createAnthropicTransport, type AnthropicTransportOptions } from "./transport.js";

/** Where a message for the user goes, once (stderr on the CLI, a warning in the action). */
type Notice = (message: string) => void;

/** Printed once per process by the CLI and the action when no key is set and `--no-llm` is not. */
export const NO_API_KEY_BANNER =
  "ANTHROPIC_API_KEY is not set: classifying with the rules alone (unknown commands stay `modifying`). " +
  "Set it to let Claude classify steps, or pass --no-llm to say you mean it.";

/** Retries after the first attempt, with backoff (the SDK's loop). */
const CLASSIFY_RETRIES = 2;
/** A decision is advisory and the run waits for it: one retry only. */
const DECIDE_RETRIES = 1;
const DEFAULT_BASE_URL = "https://api.anthropic.com";

/**
 * The whole classification phase's time budget (`llm_classify_budget_seconds`, default 20 s),
 * every request and retry together, from the model's creation. Past it, in-flight requests are
 * cancelled and remaining steps keep the rules' verdict: an outage costs a run at most this.
 */
export function classificationBudgetMs(config: Pick<Config, "llmClassifyBudgetSeconds">): number {
  return config.llmClassifyBudgetSeconds * 1000;
}

/**
 * Most time one post-step decision may hold up a run (`llm_decision_budget_seconds`, default
 * 10 s), retries and any `retry-after` included.
 */
export function decisionBudgetMs(config: Pick<Config, "llmDecisionBudgetSeconds">): number {
  return config.llmDecisionBudgetSeconds * 1000;
}

/**
 * Tells `notice` once, as soon as it happens, that Claude gave no answer in time, so an outage is
 * never silent: a run would otherwise sit without a word until the budget ran out.
 */
function tellingWhenSilent(transport: ToolTransport, notice: Notice | undefined): ToolTransport {
  const started = performance.now();
  let told = false;
  return {
    model: transport.model,
    async callTool(call) {
      const result = await transport.callTool(call);
      const silent =
        !result.ok && (result.failure === "timeout" || result.failure === "budget_exhausted");
      if (silent && !told) {
        told = true;
        const seconds = Math.round((performance.now() - started) / 1000);
        notice?.(`Claude did not answer in ${seconds} s: classifying with the rules alone`);
      }
      return result;
    },
  };
}

/**
 * The Claude-backed {@link RiskModel}, or `undefined` (rules only) under `--no-llm` or without
 * `ANTHROPIC_API_KEY`; print {@link NO_API_KEY_BANNER} in the latter case. `ANTHROPIC_BASE_URL`
 * is honoured. The time budget starts now.
 */
export function createRiskModelFromEnv(
  env: Env,
  config: Config,
  notice?: Notice,
): RiskModel | undefined {
  const apiKey = config.noLlm ? undefined : env["ANTHROPIC_API_KEY"];
  if (apiKey === undefined || apiKey === "") return undefined;
  const transport = createAnthropicTransport({
    ...connection(apiKey, env, config, notice),
    maxRetries: CLASSIFY_RETRIES,
    budgetMs: classificationBudgetMs(config),
  });
  return createRiskModel({
    transport: tellingWhenSilent(transport, notice),
    redact: createRedactor({ env }),
    cache: createDiskCache(config.cacheDir),
    concurrency: config.llmConcurrency,
  });
}

/**
 * The Claude-backed {@link DecisionModel} for post-step decisions, or `undefined` under
 * `--no-llm`, `--no-llm-context`, or without `ANTHROPIC_API_KEY`.
 */
export function createDecisionModelFromEnv(
  env: Env,
  config: Config,
  notice?: Notice,
): DecisionModel | undefined {
  const apiKey = config.noLlm || config.noLlmContext ? undefined : env["ANTHROPIC_API_KEY"];
  if (apiKey === undefined || apiKey === "") return undefined;
  return createDecisionModel({
    transport: createAnthropicTransport({
      ...connection(apiKey, env, config, notice),
      maxRetries: DECIDE_RETRIES,
      callBudgetMs: decisionBudgetMs(config),
    }),
    redact: createRedactor({ env }),
  });
}

/** What both models' transports share: key, endpoint, model, per-request timeout, notices. */
function connection(
  apiKey: string,
  env: Env,
  config: Config,
  notice: Notice | undefined,
): Pick<
  AnthropicTransportOptions,
  "apiKey" | "baseURL" | "model" | "timeoutMs" | "onModelUnavailable"
> {
  return {
    apiKey,
    baseURL: env["ANTHROPIC_BASE_URL"] ?? DEFAULT_BASE_URL,
    model: config.llmModel,
    timeoutMs: Math.round(config.llmTimeoutSeconds * 1000),
    onModelUnavailable: notice,
  };
}
