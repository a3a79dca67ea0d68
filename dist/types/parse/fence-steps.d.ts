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
export declare function fenceStep(draft: FenceDraft, index: number): Step;
/** Risk annotation, timeout and name from the fences' attributes (the riskiest, the longest, the first). */
export declare function attributeFacts(commands: readonly Command[]): Pick<Step, "annotatedRisk" | "timeoutSeconds" | "name">;
