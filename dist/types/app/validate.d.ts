import type { RunbookExecError } from "../core/errors.js";
import type { ValidationReport } from "../core/report.js";
import type { Config } from "../config/types.js";
import type { RiskModel } from "../risk/model.js";
export interface ValidateOptions {
    readonly config: Config;
    /** Asked to classify every step unless `config.noLlm`; rules alone without it. */
    readonly riskModel?: RiskModel | undefined;
    /**
     * Wall-clock budget for reading, parsing and rule-checking, in ms: files not started when it
     * runs out are reported as unreadable (`INPUT_SKIPPED`), not silently passed.
     */
    readonly budgetMs?: number | undefined;
}
export interface ValidateOutcome {
    readonly report: ValidationReport;
    /** Files that could not be read or decoded; the others are still validated. */
    readonly unreadable: readonly RunbookExecError[];
}
/** Reads, parses, lints and classifies runbooks; the engine behind `validate` and the action. */
export declare function validateRunbooks(files: readonly string[], options: ValidateOptions): Promise<ValidateOutcome>;
