import type { StepReport } from "../../core/report.js";
import type { RiskLevel } from "../../core/risk.js";
import { escapeMermaidLabel, truncate } from "../escape/markdown.js";

/** Steps drawn before the chart ends in a "more steps" node; keeps it under Mermaid's size cap. */
export const MAX_CHART_STEPS = 60;
const LABEL_LENGTH = 60;

const FILL: Readonly<Record<RiskLevel, string>> = {
  read_only: "fill:#dafbe1,stroke:#1a7f37,color:#0d1117",
  modifying: "fill:#fff8c5,stroke:#9a6700,color:#0d1117",
  destructive: "fill:#ffebe9,stroke:#cf222e,color:#0d1117",
};

function node(step: StepReport): string {
  const label = escapeMermaidLabel(`${step.index}. ${truncate(step.text, LABEL_LENGTH)}`);
  // A hexagon marks a step that would wait for approval.
  const shape = step.needsApproval ? `{{"${label}"}}` : `["${label}"]`;
  return `  s${step.index}${shape}:::${step.risk}`;
}

/**
 * A Mermaid flowchart of the steps in order, each node coloured by its risk, as a fenced block
 * for the job summary. Every piece of runbook text goes through {@link escapeMermaidLabel}.
 */
export function stepsFlowchart(steps: readonly StepReport[]): string {
  const drawn = steps.slice(0, MAX_CHART_STEPS);
  const lines = ["```mermaid", "flowchart TD"];
  lines.push(...drawn.map(node));
  const ids = drawn.map((step) => `s${step.index}`);
  if (steps.length > drawn.length) {
    lines.push(`  more["${escapeMermaidLabel(`… ${steps.length - drawn.length} more steps`)}"]`);
    ids.push("more");
  }
  if (ids.length > 1) lines.push(`  ${ids.join(" --> ")}`);
  for (const [risk, style] of Object.entries(FILL)) lines.push(`  classDef ${risk} ${style}`);
  lines.push("```");
  return lines.join("\n");
}
