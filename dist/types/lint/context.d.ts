import type { Parser } from "web-tree-sitter";
import type { RuleVerdict } from "../classify/types.js";
import type { Runbook } from "../core/runbook.js";
import type { LintContext } from "./types.js";
/** What {@link buildContext} needs besides the runbook. */
export interface ContextOptions {
    /** web-tree-sitter with the bash grammar, from `loadBashParser()`. */
    readonly parser: Parser;
    /** Rule verdicts by step index, when the caller has them already; computed on demand otherwise. */
    readonly verdicts?: ReadonlyMap<number, RuleVerdict> | undefined;
    readonly boundParameters?: ReadonlySet<string> | undefined;
    /** The configured `audit_key_file`, for the rule that keeps steps away from it. */
    readonly auditKeyFile?: string | undefined;
}
/** Analyses every shell command once, so rules stay pure and cheap. */
export declare function buildContext(parsed: Runbook, options: ContextOptions): LintContext;
