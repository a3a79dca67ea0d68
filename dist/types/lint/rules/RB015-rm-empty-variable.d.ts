import type { LintRule } from "../types.js";
/** RB015: `rm -rf "$DIR/"` deletes from `/` when DIR is empty or unset. */
export declare const rmEmptyVariable: LintRule;
