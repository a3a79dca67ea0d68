import { RunbookExecError } from "../core/errors.js";
/** File extensions a directory walk picks up (compared lower-case). */
export declare const RUNBOOK_EXTENSIONS: readonly [".md", ".markdown"];
/** Options of {@link discoverRunbooks}. */
export interface DiscoverOptions {
    /** Base of relative inputs. */
    readonly cwd: string;
    /**
     * The fix for a glob that matched nothing, worded for the face (a shell user quotes the
     * pattern; an action user edits an input); default "check the pattern".
     */
    readonly unmatchedGlobFix?: string;
}
/** What {@link discoverRunbooks} found. */
export interface Discovery {
    /** Absolute paths, deduplicated; in input order, each input's matches sorted. */
    readonly files: readonly string[];
    /** Inputs that matched nothing (`INPUT_NOT_FOUND`), each naming the input as typed; the CLI exits 2 when there are any. */
    readonly problems: readonly RunbookExecError[];
    /** Files named directly by an input: absolute path → the input as typed, for error messages. */
    readonly typed: ReadonlyMap<string, string>;
}
/**
 * Turns CLI inputs (files, directories, globs) into runbook files. A file is taken as given,
 * whatever its extension; a directory contributes its `*.md` / `*.markdown` files recursively;
 * anything else is a glob. Inputs that match nothing become `problems`.
 */
export declare function discoverRunbooks(inputs: readonly string[], options: DiscoverOptions): Promise<Discovery>;
