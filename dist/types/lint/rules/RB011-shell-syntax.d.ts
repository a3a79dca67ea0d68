import type { LintRule } from "../types.js";
/** RB011: a script the shell cannot parse fails before running anything. */
export declare const shellSyntax: LintRule;
