import type { LintRule } from "../types.js";
/** RB014: piping downloaded text into a shell. */
export declare const pipeToShell: LintRule;
