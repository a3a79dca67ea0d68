import type { RunbookExecError } from "../../core/errors.js";
import type { Env } from "../../core/io.js";
import type { ValidationReport } from "../../core/report.js";
import type { RuleMeta } from "../../lint/types.js";
import type { RiskModel } from "../../risk/model.js";
export type { CommandReport, FindingReport, RunbookReport, StepReport, ValidationReport, } from "../../core/report.js";
export type { Reason, RiskLevel, RiskSource } from "../../core/risk.js";
export type { Severity } from "../../core/findings.js";
export type { RuleMeta } from "../../lint/types.js";
export type { RiskModel } from "../../risk/model.js";
export { RunbookExecError } from "../../core/errors.js";
export { VERSION } from "../../core/version.js";
/** Every lint rule's id, alias, description and default severity, in id order. */
export declare const RULES: readonly RuleMeta[];
/** Options of {@link validate}. */
export interface ValidateOptions {
    /** Where relative paths and `.runbook-exec.toml` are looked up; default `process.cwd()`. */
    readonly cwd?: string;
    /** Environment for the configuration's `RUNBOOK_EXEC_*` variables; default none. */
    readonly env?: Env;
    /** A configuration file to read instead of searching for one. */
    readonly configPath?: string;
    /** A model that may settle what the rules do not know; never lowers the rules' floor. */
    readonly riskModel?: RiskModel;
}
/** What {@link validate} found: the JSON contract, plus inputs that could not be read. */
export interface ValidateResult {
    readonly report: ValidationReport;
    /** Missing paths, unreadable or undecodable files; the rest is still validated. */
    readonly problems: readonly RunbookExecError[];
    /** True when there is no error finding and no problem (the CLI's exit 0). */
    readonly ok: boolean;
}
/**
 * Lints and classifies runbooks (files or folders, as `runbook-exec validate` takes them).
 * Throws {@link RunbookExecError} for a bad configuration.
 */
export declare function validate(paths: readonly string[], options?: ValidateOptions): Promise<ValidateResult>;
