import type { LintRule } from "../types.js";
/** RB022: a file that crosses a limit of parsing rule 13 is not parsed, so it has no steps. */
export declare const inputLimit: LintRule;
