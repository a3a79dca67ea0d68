import type { RuleVerdict } from "../classify/types.js";
import type { Finding, Severity } from "../core/findings.js";
import type { Command, Runbook, Step } from "../core/runbook.js";
import type { BashOnly } from "../shell/dialect.js";
import type { ShellAnalysis, ShellPosition } from "../shell/types.js";
/** Static facts about a rule, used by every output format (SARIF needs them all). */
export interface RuleMeta {
    /** Stable id, `RB001`… Never reused. */
    readonly id: string;
    /** Short kebab-case alias, e.g. `fence-at-margin`. */
    readonly alias: string;
    /** One sentence: what the rule reports. */
    readonly description: string;
    readonly defaultSeverity: Severity;
}
/**
 * What a rule reports; the engine adds id, alias and the configured severity. `severity` lets a
 * rule report one case milder than its default (used only while the rule is not configured).
 */
export type RuleReport = Omit<Finding, "ruleId" | "alias" | "severity"> & {
    readonly severity?: Severity;
};
/** A lint rule: pure, never throws, reports through its return value. */
export interface LintRule extends RuleMeta {
    check(context: LintContext): readonly RuleReport[];
}
/** A 1-based line and column in the runbook file. */
export interface SourcePosition {
    readonly line: number;
    readonly column: number;
}
/** A step's command as the rules see it: analysed once, shared by every rule. */
export interface LintCommand {
    readonly step: Step;
    readonly command: Command;
    /** The shell analysis; `undefined` when the command does not run in a POSIX shell. */
    readonly shell: ShellAnalysis | undefined;
    /** Bash-only constructs, for a script that runs in `sh` (dash) or zsh; empty otherwise. */
    readonly bashOnly: readonly BashOnly[];
    /** Runbook position of a 1-based position in `command.script` (console prompts accounted for). */
    readonly at: (position: ShellPosition) => SourcePosition;
    /** The same for a position in the script as written (before placeholders were rewritten). */
    readonly atWritten: (position: ShellPosition) => SourcePosition;
}
/** Everything a rule may look at. */
export interface LintContext {
    readonly runbook: Runbook;
    /** Every command of every step, in document order. */
    readonly commands: readonly LintCommand[];
    /** The rule classifier's verdict on a step with commands (computed once, on first use). */
    readonly verdict: (step: Step) => RuleVerdict;
    /** Parameters that have a value; a placeholder of any other parameter is unbound. */
    readonly boundParameters: ReadonlySet<string>;
    /** The configured `audit_key_file`, which no step may name; `undefined` when none is set. */
    readonly auditKeyFile: string | undefined;
}
/** Where a rule's documentation lives; SARIF `helpUri` and text output link here. */
export declare const RULE_DOCS_BASE = "https://github.com/runbook-exec/runbook-exec/blob/main/docs/rules/";
export declare function ruleHelpUri(rule: Pick<RuleMeta, "id" | "alias">): string;
