import { type InputLimit } from "./limits.js";
/** A runbook file's text, ready to parse, with the hash of its exact bytes. */
export interface RunbookSource {
    readonly path: string;
    readonly text: string;
    readonly sha256: string;
    /** Set instead of reading a file larger than `max_file_bytes`; `text` is then empty. */
    readonly oversize?: InputLimit | undefined;
}
export interface ReadOptions {
    /** `max_file_bytes`: a larger file is not read, and its source says why. */
    readonly maxBytes: number;
}
/**
 * Reads a runbook as UTF-8. A missing file, a directory, a binary file or invalid UTF-8
 * becomes a {@link RunbookExecError} that names the file (and line, for bad bytes).
 */
export declare function readRunbookFile(path: string, options?: ReadOptions): Promise<RunbookSource>;
/**
 * {@link readRunbookFile} without a promise: `validate` reads a thousand files one after the
 * other, and a synchronous stat and read cost less CPU than the six file-system requests,
 * promises and thread hand-offs of an asynchronous read (bench/validate). Files are bounded by
 * `max_file_bytes`, so the thread never waits long.
 */
export declare function readRunbookFileSync(path: string, options?: ReadOptions): RunbookSource;
/** Decodes bytes already in memory; used by {@link readRunbookFile} and by tests. */
export declare function decodeRunbook(path: string, bytes: Uint8Array): RunbookSource;
