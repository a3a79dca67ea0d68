import type { LintRule } from "../types.js";
/**
 * RB021: executable fences that never run because they are not in a numbered step: a runbook
 * written as headings and fences, or stray fences beside numbered steps. A margin fence right
 * after a step is RB002's, not counted here.
 */
export declare const fencesOutsideSteps: LintRule;
