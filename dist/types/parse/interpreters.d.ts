import type { Interpreter } from "../core/runbook.js";
/** Options that decide how fence languages map to programs. */
export interface InterpreterOptions {
    /** Shell for `shell`, `console`, `shell-session` and fences without a language. */
    readonly defaultShell: string;
    /** Configured language → command line, e.g. `sql = "psql -X -f -"`; wins over built-ins. */
    readonly interpreters: Readonly<Record<string, string>>;
}
/** The placeholder in a configured command line where the script goes as one argument. */
export declare const SCRIPT_PLACEHOLDER = "{script}";
/** True for `console` / `shell-session` transcripts, whose prompts are stripped. */
export declare function isTranscriptLanguage(language: string): boolean;
/**
 * The interpreter for a fence language, or `undefined` when the language is context only
 * (`text`, `json`, `yaml`, `sql` without a configured client, …) and never runs.
 */
export declare function interpreterFor(language: string, options: InterpreterOptions): Interpreter | undefined;
