import type { Parser } from "web-tree-sitter";
import type { Command, Interpreter } from "../core/runbook.js";
import type { RuleVerdict } from "./types.js";
/** Options for {@link classifyScript}. */
export interface ClassifyOptions {
    /** How deep nested scripts are followed (`bash -c`, `python -c "os.system(…)"`); default 4. */
    readonly maxDepth?: number;
}
/**
 * Classify one fence's script. Shell languages go through the shell analyser and the tool
 * tables, `sql` through the SQL rules, python/node/ruby/perl/php/pwsh/cmd through a scan for
 * well-known dangerous calls (never `read_only`). Pure and synchronous given the parser.
 */
export declare function classifyScript(parser: Parser, language: string, script: string, options?: ClassifyOptions): RuleVerdict;
/** Classify a step: the highest risk and floor of its commands, reasons merged and deduplicated. */
export declare function classifyCommands(parser: Parser, commands: readonly (Pick<Command, "language" | "script"> & {
    /** The program that runs the fence (a remapped language, `sh` → dash); decides the grammar. */
    readonly interpreter?: Pick<Interpreter, "program">;
})[], options?: ClassifyOptions): RuleVerdict;
