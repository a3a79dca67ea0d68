import type { LintRule } from "../types.js";
/** RB008: an attribute the runner cannot read is silently dropped (`risk=high`, `timeout=5m`…). */
export declare const fenceAttributeInvalid: LintRule;
