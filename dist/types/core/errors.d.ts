/** Stable error codes; the CLI maps them to exit codes and messages. */
export declare const ERROR_CODES: readonly ["INPUT_NOT_FOUND", "INPUT_IS_DIRECTORY", "INPUT_BINARY", "INPUT_INVALID_UTF8", "INPUT_UNREADABLE", "INPUT_SKIPPED", "CONFIG_INVALID", "USAGE", "AUDIT_WRITE_FAILED", "AUDIT_LOG_BROKEN", "NOT_AN_AUDIT_LOG"];
export type ErrorCode = (typeof ERROR_CODES)[number];
/** An error the user can act on: a code, a message, and where it happened. */
export declare class RunbookExecError extends Error {
    readonly name = "RunbookExecError";
    readonly code: ErrorCode;
    readonly file: string | undefined;
    readonly line: number | undefined;
    constructor(code: ErrorCode, message: string, options?: {
        file?: string;
        line?: number;
        cause?: unknown;
    });
    /** `file:line: message`, the form printed to users. */
    describe(): string;
}
