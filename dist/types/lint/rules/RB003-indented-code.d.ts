import type { LintRule } from "../types.js";
/** RB003: an indented (4-space) code block in a step is never run. */
export declare const indentedCode: LintRule;
