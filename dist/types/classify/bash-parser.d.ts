import { Parser } from "web-tree-sitter";
/** What the parser is loaded for; it decides how V8 compiles the grammar's WASM. */
export interface ParserWorkload {
    /**
     * Tens of thousands of parses in one long process, where only wall time counts (the corpus
     * benchmark): V8's optimising WASM tier, compiled on helper threads, then pays off in wall
     * time. It costs more CPU than it saves even on a thousand runbooks, so `validate` and `run`
     * use the baseline compiler alone (a run without it took twice the CPU, 0.8 s against 0.4 s,
     * to run `true`). The flag is process-wide but spares WASM compiled before it is set: the
     * kernels that carry a step's output (`*-kernel.wat`) compile when their modules load, and
     * keep V8's optimising tier.
     */
    readonly bulk?: boolean;
}
/**
 * The shared bash parser; the WASM is loaded once per process, so only the first caller's
 * workload counts.
 */
export declare function loadBashParser(workload?: ParserWorkload): Promise<Parser>;
