import type { LintRule } from "../types.js";
/** RB010: front matter that does not parse loses the title, parameters and owners. */
export declare const frontMatter: LintRule;
