import type { LintRule } from "../types.js";
/** RB004: an empty fence in a step: the command the author meant to paste is missing. */
export declare const emptyFence: LintRule;
