import type { CodeBlock } from "../core/runbook.js";
/** One word of a fence's info string, with its 1-based column in the runbook. */
export interface InfoToken {
    readonly text: string;
    readonly column: number;
}
/**
 * Splits the opening fence line into the language and the attribute tokens, with columns.
 * Read from the source (not the parsed `meta`) so findings point at the exact word.
 */
export declare function fenceInfo(block: CodeBlock, lines: readonly string[]): {
    language: InfoToken | undefined;
    attributes: readonly InfoToken[];
};
