/** The file name searched for in the working directory and its parents. */
export declare const CONFIG_FILE_NAME = ".runbook-exec.toml";
/** Where the upward search stops: it looks no higher than these. */
export interface SearchBounds {
    /** The user's home directory, when known: searched last. */
    readonly home: string | undefined;
}
/**
 * `.runbook-exec.toml` in `cwd` or a parent, or `undefined`. The search stops at the
 * repository root (the nearest directory holding `.git`) or the home directory, whichever it
 * meets first, after looking there: a file in a directory above them (a shared `/tmp` tree, a
 * parent of an untrusted checkout) is never picked up.
 */
export declare function findConfigFile(cwd: string, bounds?: SearchBounds): Promise<string | undefined>;
