import type { LintRule } from "../types.js";
/** RB005: a fence without a language runs with the default shell, which may not be meant. */
export declare const fenceLanguage: LintRule;
