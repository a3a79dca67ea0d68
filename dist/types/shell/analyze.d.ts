import type { Parser } from "web-tree-sitter";
import type { ShellAnalysis } from "./types.js";
/** Scripts longer than this (in UTF-16 units) are not parsed: a `modifying` verdict says why. */
export declare const MAX_ANALYSED_SCRIPT_CHARS: number;
/**
 * Wall-clock budget of one tree-sitter parse. tree-sitter-bash is quadratic on some inputs
 * (long runs of `<`); past this the parse is cancelled and the script left unanalysed.
 */
export declare const PARSE_BUDGET_MS = 1000;
/** Options for {@link analyzeShell}. */
export interface AnalyzeOptions {
    /** How deep inner scripts (`bash -c`, `ssh host '…'`, `eval`) are parsed; default 4. */
    readonly maxDepth?: number;
}
/**
 * Find every simple command in a shell script, unwrap wrappers, and parse inner scripts.
 * Synchronous given a parser from `loadBashParser()`; never throws on bad shell (see
 * `syntaxError`). The result is immutable and depends only on its inputs, so the last few
 * are remembered: `validate` lints and classifies every fence, and parsing it twice was a
 * fifth of its time.
 */
export declare function analyzeShell(parser: Parser, script: string, options?: AnalyzeOptions): ShellAnalysis;
/**
 * {@link analyzeShell} with every script, inner ones too, read from tree-sitter's parse tree,
 * plain ones included (see `plain.ts`): the reference the plain-script reader is held to.
 */
export declare function analyzeShellParsed(parser: Parser, script: string, options?: AnalyzeOptions): ShellAnalysis;
