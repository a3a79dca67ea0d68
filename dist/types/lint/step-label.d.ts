import type { Step } from "../core/runbook.js";
/** `step 2 (`Restart the service`)`: how findings name a step, with its text for context. */
export declare function stepLabel(step: Step): string;
