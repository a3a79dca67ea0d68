import type { Severity } from "../core/findings.js";
import type { FileLayer } from "./file-schema.js";
/** A rule as the safety check needs it: its id and the severity it has by default. */
export interface RuleSeverityRef {
    readonly id: string;
    readonly defaultSeverity?: Severity;
}
/** A setting dropped from an untrusted file, as written there. */
export interface IgnoredSetting {
    readonly key: string;
    /** `auto_approve_level = "destructive"`: what the file said. */
    readonly shown: string;
}
/**
 * Splits a layer into what anyone may set and what lowers safety (safety invariant 11): an
 * auto-approve level above `read_only`, `pass_env` naming the tool's secrets, interpreter
 * remaps (`[interpreters]`, `default_shell`), an error-severity rule turned down or off,
 * an MCP approval cap above `modifying`, weaker containment, the audit key's file (a key the file's author knows signs nothing), and
 * the Slack settings that decide where the bot token goes and who may approve.
 * Pure; `[rules]` keys must already be rule ids.
 */
export declare function splitUnsafeSettings(layer: FileLayer, rules: readonly RuleSeverityRef[]): {
    readonly safe: FileLayer;
    readonly ignored: readonly IgnoredSetting[];
};
