import type { Finding } from "./findings.js";
import type { Reason, RiskLevel, RiskSource } from "./risk.js";
/** The `validate --format json` contract (design.md, "Public contracts"). Field order is the output order. */
export interface ValidationReport {
    readonly schemaVersion: 1;
    readonly runbooks: readonly RunbookReport[];
    /**
     * Configuration files with findings (settings an untrusted file may not make, a file skipped
     * for its owner or mode); absent when there are none, so reports without them are unchanged.
     */
    readonly config?: readonly ConfigFileReport[];
}
/** A configuration file's findings: `path` and positions refer to that file. */
export interface ConfigFileReport {
    readonly path: string;
    readonly findings: readonly FindingReport[];
}
export interface RunbookReport {
    readonly path: string;
    readonly title: string;
    readonly steps: readonly StepReport[];
    readonly findings: readonly FindingReport[];
}
export interface StepReport {
    readonly index: number;
    readonly line: number;
    readonly section: string;
    readonly text: string;
    readonly commands: readonly CommandReport[];
    readonly risk: RiskLevel;
    readonly riskSource: RiskSource;
    readonly reasons: readonly Reason[];
    readonly needsApproval: boolean;
}
export interface CommandReport {
    readonly language: string;
    readonly line: number;
    readonly script: string;
}
/**
 * A finding as reported. Every output carries `fix` where the rule gives one; the JSON contract
 * always has the key (`null` when there is no fix).
 */
export type FindingReport = Pick<Finding, "ruleId" | "severity" | "line" | "column" | "message" | "fix">;
