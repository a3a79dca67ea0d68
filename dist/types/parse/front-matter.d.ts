import type { FrontMatter } from "../core/runbook.js";
/** Front matter as parsed, or the line of the problem when it does not parse. */
export type FrontMatterResult = {
    readonly ok: true;
    readonly value: FrontMatter;
} | {
    readonly ok: false;
    readonly line: number;
    readonly message: string;
};
/**
 * Parses YAML front matter. `startLine` is the line of the opening `---`, so error lines
 * point into the runbook, not into the YAML snippet.
 */
export declare function parseFrontMatter(yaml: string, startLine: number): FrontMatterResult;
