import type { Parser } from "web-tree-sitter";
import type { RuleVerdict } from "../classify/types.js";
import type { Finding } from "../core/findings.js";
import type { Runbook } from "../core/runbook.js";
import type { RuleSeverity } from "../config/types.js";
import type { LintRule } from "./types.js";
export { ALL_RULES } from "./registry.js";
export { ruleHelpUri, type LintRule, type RuleMeta } from "./types.js";
/** Options for {@link lintRunbook}. */
export interface LintOptions {
    /** web-tree-sitter with the bash grammar, from `loadBashParser()`. */
    readonly parser: Parser;
    /** Config `[rules]`: rule id or alias → `error | warning | info | off`; the id wins over the alias. */
    readonly severities: Readonly<Record<string, RuleSeverity>>;
    /** The rules' verdict per step index, when the caller computed it already (else computed here). */
    readonly verdicts?: ReadonlyMap<number, RuleVerdict> | undefined;
    /** Parameters that have a value (defaults, `--var`); placeholders of others are unbound. */
    readonly boundParameters?: ReadonlySet<string> | undefined;
    /** The configured `audit_key_file` (RB025 reports a step that names it). */
    readonly auditKeyFile?: string | undefined;
}
/**
 * Lints one parsed runbook: every enabled rule, with the configured severity, sorted by
 * line, column and rule id. Pure given the parser.
 */
export declare function lintRunbook(runbook: Runbook, options: LintOptions): Finding[];
/** {@link lintRunbook} with a given rule set (tests use it to check the crash guard). */
export declare function lintWithRules(rules: readonly LintRule[], runbook: Runbook, options: LintOptions): Finding[];
