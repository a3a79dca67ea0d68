import type { Parser } from "web-tree-sitter";
import type { ShellPosition } from "./types.js";
/** Which shell language really runs a script. */
export type ShellDialect = "bash" | "posix" | "zsh";
/** The dialect of the program that runs a fence (`/bin/sh` is dash on Debian and Ubuntu). */
export declare function dialectOf(program: string): ShellDialect | undefined;
/** A construct of bash that `sh` (dash) or zsh reads differently. */
export interface BashOnly extends ShellPosition {
    readonly construct: string;
}
/** Bash-only constructs in a script, in source order (an empty list for a portable script). */
export declare function bashOnlyConstructs(parser: Parser, script: string): BashOnly[];
/**
 * The script as dash reads it, for the one construct whose meaning changes rather than
 * failing: `((…))` is an arithmetic no-op to bash and two nested subshells to dash, so
 * `((rm -r -f , dir))` deletes `dir` under `sh`.
 */
export declare function asDashReadsIt(parser: Parser, script: string): string;
