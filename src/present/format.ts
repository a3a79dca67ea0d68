import type { Decision } from "../llm/types.js";

export { formatDuration } from "../core/duration.js";

/** Pure: a post-step decision and what it changed: `skip steps 4, 5 (reason)`, `continue (…)`. */
export function describeDecision(decision: Decision, applied: readonly number[]): string {
  const what =
    decision.action === "skip" && applied.length > 0
      ? `skip step${applied.length === 1 ? "" : "s"} ${applied.join(", ")}`
      : decision.action === "abort"
        ? "abort the run"
        : "continue";
  const why =
    decision.source === "llm"
      ? decision.reasoning
      : `no usable answer: ${decision.fallbackReason ?? "unknown"}`;
  return `${what} (${why})`;
}
