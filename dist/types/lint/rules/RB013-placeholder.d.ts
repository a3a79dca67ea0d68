import type { LintRule } from "../types.js";
/**
 * RB013: a placeholder (`<HOST>`, `YOUR_…`, `CHANGEME`, `{{…}}`) whose parameter has no value,
 * or that cannot receive one. A step with either does not run.
 */
export declare const placeholder: LintRule;
