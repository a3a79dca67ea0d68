import { Parser } from "web-tree-sitter";
/** What the parser is loaded for; it decides how V8 compiles the grammar's WASM. */
export interface ParserWorkload {
    /**
     * Thousands of commands ahead (validating hundreds of files). V8's optimising WASM tier pays
     * off there; for a few runbooks it only costs start-up and exit time (0.3 to 0.7 s on two
     * cores), so small workloads use the baseline compiler alone.
     */
    readonly bulk?: boolean;
}
/**
 * The shared bash parser; the WASM is loaded once per process, so only the first caller's
 * workload counts.
 */
export declare function loadBashParser(workload?: ParserWorkload): Promise<Parser>;
