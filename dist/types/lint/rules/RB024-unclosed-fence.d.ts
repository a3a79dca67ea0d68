import type { LintRule } from "../types.js";
/**
 * RB024: a fence that is never closed runs to the end of its list item, quote or file, so the
 * text after it (often the next steps) becomes part of the script or is lost.
 */
export declare const unclosedFence: LintRule;
