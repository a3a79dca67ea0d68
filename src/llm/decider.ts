import { parseDecideAnswer } from "./answers.js";
import { buildDecidePrompt, DECIDE_SYSTEM_PROMPT, DECIDE_TOOL } from "./prompts/decide.js";
import type { Decision, DecisionInput, DecisionModel, Redact, ToolTransport } from "./types.js";

const DECISION_MAX_TOKENS = 1024;

/** Options for {@link createDecisionModel}. */
export interface DecisionModelOptions {
  readonly transport: ToolTransport;
  readonly redact: Redact;
}

/**
 * A {@link DecisionModel} over any {@link ToolTransport}. It never throws and never asks after
 * the last step; whatever goes wrong comes back as `continue` with `source: "fallback"` and the
 * reason, so the run engine can print and record it (safety invariant 7).
 */
export function createDecisionModel(options: DecisionModelOptions): DecisionModel {
  const { transport, redact } = options;
  return {
    async decideNext(input: DecisionInput): Promise<Decision> {
      const remaining = new Set(
        input.remaining.map((step) => step.index).filter((index) => index > input.step.index),
      );
      if (remaining.size === 0) return fallback("no step left after this one; nothing to decide");
      let result;
      try {
        result = await transport.callTool({
          system: DECIDE_SYSTEM_PROMPT,
          prompt: buildDecidePrompt(input, redact),
          tool: DECIDE_TOOL,
          maxTokens: DECISION_MAX_TOKENS,
        });
      } catch (error) {
        return fallback(
          `decision request failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!result.ok) return fallback(result.message);
      const answer = parseDecideAnswer(result.input);
      if (!answer.ok) return fallback(answer.problem);
      if (answer.action !== "skip")
        return { action: answer.action, skipSteps: [], reasoning: answer.reasoning, source: "llm" };
      const skipSteps = [...new Set(answer.skipSteps)]
        .filter((index) => remaining.has(index))
        .sort((a, b) => a - b);
      if (skipSteps.length === 0) {
        return fallback(
          `the answer skips no remaining step (asked: ${answer.skipSteps.join(", ") || "none"})`,
          answer.reasoning,
        );
      }
      return { action: "skip", skipSteps, reasoning: answer.reasoning, source: "llm" };
    },
  };
}

/** Continue, recorded as a fallback with why. */
function fallback(fallbackReason: string, reasoning = ""): Decision {
  return { action: "continue", skipSteps: [], reasoning, source: "fallback", fallbackReason };
}
