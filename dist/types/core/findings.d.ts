/** Severity of a lint finding; `off` only appears in configuration. */
export declare const SEVERITIES: readonly ["error", "warning", "info"];
export type Severity = (typeof SEVERITIES)[number];
/** One lint finding at a position in a runbook. */
export interface Finding {
    readonly ruleId: string;
    readonly alias: string;
    readonly severity: Severity;
    readonly line: number;
    readonly column: number;
    readonly message: string;
    /** A concrete fix, shown under the message. */
    readonly fix?: string;
}
