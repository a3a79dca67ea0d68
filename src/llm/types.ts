import type { RiskLevel } from "../core/risk.js";
import type { Step } from "../core/runbook.js";

/** A tool the model is forced to call; `inputSchema` is JSON Schema for its input. */
export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Readonly<Record<string, unknown>>;
}

/** One forced-tool request: system prompt, user prompt, the tool to call. */
export interface ToolCall {
  readonly system: string;
  readonly prompt: string;
  readonly tool: ToolDefinition;
  readonly maxTokens: number;
}

/** Why a request produced no tool input. */
export const TRANSPORT_FAILURES = [
  "timeout",
  "rate_limited",
  "overloaded",
  "server_error",
  "client_error",
  /** The API does not know the configured model, or has retired it. */
  "model_unavailable",
  "connection",
  "budget_exhausted",
  "no_tool_call",
] as const;
export type TransportFailure = (typeof TRANSPORT_FAILURES)[number];

/** The outcome of a {@link ToolCall}: the tool's raw, unvalidated input, or why there is none. */
export type ToolCallResult =
  | { readonly ok: true; readonly input: unknown; readonly stopReason: string }
  | { readonly ok: false; readonly failure: TransportFailure; readonly message: string };

/**
 * The narrow interface to a model vendor (implemented by `src/adapters/anthropic/`).
 * Never throws: every failure comes back as a {@link ToolCallResult}.
 */
export interface ToolTransport {
  /** Model id, part of every cache key. */
  readonly model: string;
  callTool(call: ToolCall): Promise<ToolCallResult>;
}

/** A later step as shown to the decision model. */
export interface RemainingStep {
  readonly index: number;
  readonly text: string;
  readonly risk: RiskLevel;
}

/** Everything the post-step decision sees about a finished step. */
export interface DecisionInput {
  readonly runbookTitle: string;
  readonly step: Step;
  readonly exitCode: number;
  /** The step's combined output; redacted and truncated again before sending. */
  readonly output: string;
  /** Steps after this one that may still run, in order. Empty after the last step. */
  readonly remaining: readonly RemainingStep[];
}

export const DECISION_ACTIONS = ["continue", "skip", "abort"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The post-step decision; always returned, never thrown (safety invariant 7). */
export interface Decision {
  readonly action: DecisionAction;
  /** Only indexes of remaining steps after the current one, deduplicated, ascending. */
  readonly skipSteps: readonly number[];
  readonly reasoning: string;
  readonly source: "llm" | "fallback";
  readonly fallbackReason?: string;
}

/** Advises, after a successful step, whether to continue, skip later steps, or abort. */
export interface DecisionModel {
  decideNext(input: DecisionInput): Promise<Decision>;
}

/** Replaces secrets in text before it leaves the machine (see `src/redact/`). */
export type { Redact } from "../redact/redactor.js";
