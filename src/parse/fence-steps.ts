import { isRiskLevel, maxRisk, type RiskLevel } from "../core/risk.js";
import type { Command, Step } from "../core/runbook.js";

/** An executable fence outside any step, with what it would need to become one. */
export interface FenceDraft {
  readonly command: Command;
  readonly section: string;
  /** Plain text of the paragraph right before the fence, `""` when there is none. */
  readonly text: string;
  readonly endLine: number;
}

/** `steps: fences`: a fence outside any list, as a step of its own. */
export function fenceStep(draft: FenceDraft, index: number): Step {
  const { command } = draft;
  return {
    index,
    line: command.line,
    column: command.column,
    endLine: draft.endLine,
    section: draft.section,
    text: draft.text,
    commands: [command],
    ...attributeFacts([command]),
    inlineCode: [],
  };
}

/** Risk annotation, timeout and name from the fences' attributes (the riskiest, the longest, the first). */
export function attributeFacts(
  commands: readonly Command[],
): Pick<Step, "annotatedRisk" | "timeoutSeconds" | "name"> {
  const attributes = commands.flatMap((command) => command.attributes);
  let annotatedRisk: RiskLevel | undefined;
  for (const { key, value } of attributes) {
    if (key === "risk" && isRiskLevel(value))
      annotatedRisk = annotatedRisk === undefined ? value : maxRisk(annotatedRisk, value);
  }
  const timeouts = attributes
    .filter((a) => a.key === "timeout" && /^[1-9]\d*$/.test(a.value))
    .map((a) => Number(a.value));
  return {
    annotatedRisk,
    timeoutSeconds: timeouts.length === 0 ? undefined : Math.max(...timeouts),
    name: attributes.find((a) => a.key === "name")?.value,
  };
}
