import type { LintRule } from "../types.js";
/** RB025: a step that names the audit key, its variable, its setting or its file. */
export declare const auditKeyInStep: LintRule;
