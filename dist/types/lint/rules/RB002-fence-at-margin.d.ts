import type { LintRule } from "../types.js";
/** RB002: the most common authoring mistake, a fence at the margin right after a step. */
export declare const fenceAtMargin: LintRule;
