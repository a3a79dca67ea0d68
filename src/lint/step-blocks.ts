import type { CodeBlock, Runbook, Step } from "../core/runbook.js";

/** A code block inside a step, with that step. */
export interface StepBlock {
  readonly block: CodeBlock;
  readonly step: Step;
}

/** Every code block that sits inside a step, in document order. */
export function stepBlocks(runbook: Runbook): StepBlock[] {
  const found: StepBlock[] = [];
  for (const block of runbook.codeBlocks) {
    const step = block.stepIndex === undefined ? undefined : runbook.steps[block.stepIndex - 1];
    if (step !== undefined) found.push({ block, step });
  }
  return found;
}
