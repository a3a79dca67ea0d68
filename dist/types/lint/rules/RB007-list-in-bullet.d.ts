import type { LintRule } from "../types.js";
/** RB007: a numbered list nested in a bullet item makes no steps, so its commands never run. */
export declare const listInBullet: LintRule;
