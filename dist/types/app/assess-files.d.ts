import type { Parser } from "web-tree-sitter";
import { RunbookExecError } from "../core/errors.js";
import type { Config } from "../config/types.js";
import { type RuleAssessment } from "./assess.js";
/** One file's outcome: its assessment, or why it could not be read. */
export type FileAssessment = {
    readonly assessment: RuleAssessment;
    readonly error?: undefined;
} | {
    readonly assessment?: undefined;
    readonly error: RunbookExecError;
};
/**
 * Reads, parses, lints and rule-classifies files in order, in this thread. Files are read
 * synchronously, one at a time: the work is CPU-bound, and a synchronous read costs less CPU
 * than an asynchronous one (bench/validate); memory stays flat.
 */
export declare function assessFiles(files: readonly string[], parser: Parser, config: Config, deadline?: number): FileAssessment[];
