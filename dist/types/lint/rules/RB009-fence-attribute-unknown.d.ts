import type { LintRule } from "../types.js";
/** RB009: an attribute the runner does not know (often a typo of `risk`, `timeout` or `name`). */
export declare const fenceAttributeUnknown: LintRule;
