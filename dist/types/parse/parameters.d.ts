import type { FrontMatterProblem, ParameterDeclaration } from "../core/runbook.js";
/** Declarations that are valid, and what was wrong with the others. */
export interface ParsedParameters {
    readonly declarations: readonly ParameterDeclaration[];
    readonly problems: readonly FrontMatterProblem[];
}
type LineOf = (offset: number) => number;
/**
 * Reads `parameters:`, as a mapping (`NAME: default`, `NAME:` for a required one, or
 * `NAME: { default, description, secret }`) or as a list (`- NAME`, `- { name, default, … }`).
 * Values become strings because steps receive them as environment variables; an empty string
 * is a value. Anything else (a list or an unknown mapping as a value, a bad or denied name, a
 * name declared twice in any letter case) is a problem at its line, never `[object Object]`.
 */
export declare function parseParameters(node: unknown, lineOf: LineOf): ParsedParameters;
export {};
