import type { Parser } from "web-tree-sitter";
import type { PlaceholderUse } from "../core/runbook.js";
/**
 * Start offsets (in the written script) of rewritten references that the shell would evaluate
 * as arithmetic or as a variable name (`$(( … ))`, `[[ … -eq … ]]`, subscripts, `let`,
 * `declare NAME`…), where a value such as `a[$(id)]` runs as code.
 */
export declare function arithmeticSites(parser: Parser, rewritten: {
    readonly script: string;
    readonly placeholders: readonly PlaceholderUse[];
}): Set<number>;
