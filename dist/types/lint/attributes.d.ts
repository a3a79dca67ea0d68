import type { CodeBlock, Runbook } from "../core/runbook.js";
import type { RuleReport } from "./types.js";
/** Something wrong with one word of a fence's attributes. */
export interface AttributeIssue {
    /** `unknown` is a warning (RB009); the rest make the attribute silently ignored (RB008). */
    readonly kind: "malformed" | "invalid" | "duplicate" | "unknown";
    readonly column: number;
    /** What is unexpected, e.g. "`risk=high`"; the rule adds where (the step). */
    readonly subject: string;
    /** What was expected instead, and the consequence. */
    readonly expected: string;
    readonly fix: string;
}
/** Every problem in a fence's attributes, left to right. Pure. */
export declare function attributeIssues(block: CodeBlock, lines: readonly string[]): AttributeIssue[];
/** Findings for the attribute issues `wanted` selects, on the fences of step commands. */
export declare function attributeReports(runbook: Runbook, wanted: (kind: AttributeIssue["kind"]) => boolean): RuleReport[];
