import type { CodeBlock, Runbook, Step } from "../core/runbook.js";
/** A code block inside a step, with that step. */
export interface StepBlock {
    readonly block: CodeBlock;
    readonly step: Step;
}
/** Every code block that sits inside a step, in document order. */
export declare function stepBlocks(runbook: Runbook): StepBlock[];
