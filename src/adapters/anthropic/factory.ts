import type { Env } from "../../core/io.js";
import type { Config } from "../../config/types.js";
import { createDiskCache } from "../../llm/cache.js";
import { createRiskModel } from "../../llm/classifier.js";
import { createDecisionModel } from "../../llm/decider.js";
import type { DecisionModel } from "../../llm/types.js";
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
 * The whole run's time budget for classification: four request timeouts, at least two minutes.
 * Past it, remaining steps keep the rules' verdict.
 */
export function classificationBudgetMs(config: Pick<Config, "llmTimeoutSeconds">): number {
  return Math.max(120, 4 * config.llmTimeoutSeconds) * 1000;
}

/**
 * Most time one post-step decision may hold up a run: every attempt's timeout plus 5 s of backoff,
 * whatever `retry-after` the API sends.
 */
export function decisionBudgetMs(config: Pick<Config, "llmTimeoutSeconds">): number {
  return ((DECIDE_RETRIES + 1) * config.llmTimeoutSeconds + 5) * 1000;
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
  return createRiskModel({
    transport: createAnthropicTransport({
      ...connection(apiKey, env, config, notice),
      maxRetries: CLASSIFY_RETRIES,
      budgetMs: classificationBudgetMs(config),
    }),
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
