import type { LintRule } from "../types.js";
/** RB001: a step that runs nothing (fine for a manual step, a surprise otherwise). */
export declare const noCommand: LintRule;
