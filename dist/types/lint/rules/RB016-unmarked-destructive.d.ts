import type { LintRule } from "../types.js";
/** RB016: the rules find a step destructive but the author did not say so. */
export declare const unmarkedDestructive: LintRule;
