import type { LintRule } from "../types.js";
/** RB006: a block that never runs although it was probably meant to (typo, or prompts in `text`). */
export declare const commandInText: LintRule;
