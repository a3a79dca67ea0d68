import { type ParsedArgs } from "./parse.js";
/** The questions tool rules ask about options, answered from a parse or, lacking a grammar, from the words. */
export interface OptionView {
    /** Any of these short letters was given (as itself or through its long alias). */
    short(letters: string): boolean;
    /** Any of these long names was given, or a unique abbreviation of one where the tool accepts it. */
    long(names: readonly string[]): boolean;
}
/** Answers from a grammar parse: option values, abbreviations and `--no-…` are accounted for. */
export declare function parsedView(parsed: ParsedArgs): OptionView;
/** Answers from the raw words, for subcommands that have no grammar yet. */
export declare function wordView(args: readonly string[]): OptionView;
