import type { Severity } from "../core/findings.js";
import type { FileLayer } from "./file-schema.js";
/** A rule as the `[rules]` table may name it, with its default severity when known. */
export interface RuleRef {
    readonly id: string;
    readonly alias: string;
    readonly defaultSeverity?: Severity;
}
/** The bytes of a config file; a missing or unreadable file is a `CONFIG_INVALID` error. */
export declare function readConfigBytes(file: string): Promise<Buffer>;
/**
 * Reads and validates a `.runbook-exec.toml` (or its `bytes`, already read). `[rules]` keys come
 * back as rule ids.
 * Every problem is a `CONFIG_INVALID` error with the file, the key's line and a fix.
 */
export declare function readConfigFile(file: string, rules: readonly RuleRef[], bytes?: Uint8Array): Promise<FileLayer>;
