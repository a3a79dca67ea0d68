import { RunbookExecError } from "../core/errors.js";
import { type FileLayer } from "./file-schema.js";
/** The parts of a zod issue this module reads. */
export interface SchemaIssue {
    readonly code: string;
    readonly path: readonly PropertyKey[];
    readonly keys?: readonly string[];
}
/** Where a layer came from: a file (with its text, for line numbers) or the environment. */
export type LayerSource = {
    readonly kind: "file";
    readonly file: string;
    readonly text: string;
} | {
    readonly kind: "env";
    readonly prefix: string;
};
/** Shows a value the way the user wrote it, for "got …". */
export declare function describeValue(value: unknown): string;
/** The name the user sees: `timeout_seconds` in a file, `RUNBOOK_EXEC_TIMEOUT_SECONDS` in the environment. */
export declare function displayKey(source: LayerSource, key: string): string;
/** A `CONFIG_INVALID` error at `path`, with the key's line when the layer is a file. */
export declare function configError(source: LayerSource, path: readonly PropertyKey[], message: string): RunbookExecError;
/** Turns the first schema issue into an error naming the key, what was expected, and the fix. */
export declare function issueToError(issue: SchemaIssue, raw: unknown, source: LayerSource): RunbookExecError;
/**
 * Validates one layer against the schema; throws its first problem (by line, in a file) as a
 * `CONFIG_INVALID` error.
 */
export declare function validateLayer(raw: unknown, source: LayerSource): FileLayer;
