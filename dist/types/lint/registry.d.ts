import type { LintRule } from "./types.js";
/** Every lint rule, ordered by id. Ids are never reused; aliases are stable. */
export declare const ALL_RULES: readonly LintRule[];
