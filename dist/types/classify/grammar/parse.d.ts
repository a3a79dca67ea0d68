import type { OptionDef, Syntax } from "./syntax.js";
/** One option as the tool will read it. */
export interface ParsedOption {
    readonly def: OptionDef;
    /** The word as written (`-uo`, `--outp=x`). */
    readonly word: string;
    readonly value: string | undefined;
}
/** A word the grammar could not account for, with why. */
export interface Problem {
    readonly word: string;
    readonly kind: ProblemKind;
}
/** Why a word is not understood; {@link PROBLEM_TEXT} says it in words. */
export type ProblemKind = "unknown-option" | "ambiguous-option" | "missing-value" | "unexpected-value" | "unknown-subcommand" | "unsafe-option" | "unsafe-value" | "extra-operand" | "unknown-operand";
/** A phrase that follows the word in a reason. */
export declare const PROBLEM_TEXT: Readonly<Record<ProblemKind, string>>;
/** A command line read the way the tool reads it. */
export interface ParsedArgs {
    /** Subcommands taken, outermost first (`["rollout", "status"]`). */
    readonly path: readonly string[];
    readonly options: readonly ParsedOption[];
    readonly operands: readonly string[];
    readonly problems: readonly Problem[];
    /** The innermost level reached (its `maxOperands` applies). */
    readonly level: Syntax;
}
/** Read `args` (without the command name) the way a tool with `syntax` reads them. */
export declare function parseArgs(args: readonly string[], syntax: Syntax): ParsedArgs;
/** True when an option named by any of its aliases (`o` or `output`) was given. */
export declare function hasOption(parsed: ParsedArgs, name: string): boolean;
/**
 * Whether a flag is on after every `--name` / `--no-name` given, the last one winning
 * (`--dry-run --no-dry-run` is not a dry run).
 */
export declare function enabled(parsed: ParsedArgs, name: string): boolean;
/** The value of the last occurrence of an option (getopt tools take the last one). */
export declare function lastValue(parsed: ParsedArgs, name: string): string | undefined;
/** Every value of a repeatable option, in order. */
export declare function allValues(parsed: ParsedArgs, name: string): string[];
