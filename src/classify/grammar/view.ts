import { hasLong, hasShort } from "../args.js";
import { enabled, type ParsedArgs } from "./parse.js";

/** The questions tool rules ask about options, answered from a parse or, lacking a grammar, from the words. */
export interface OptionView {
  /** Any of these short letters was given (as itself or through its long alias). */
  short(letters: string): boolean;
  /** Any of these long names was given, or a unique abbreviation of one where the tool accepts it. */
  long(names: readonly string[]): boolean;
}

/** Answers from a grammar parse: option values, abbreviations and `--no-…` are accounted for. */
export function parsedView(parsed: ParsedArgs): OptionView {
  return {
    short: (letters) => [...letters].some((letter) => enabled(parsed, letter)),
    long: (names) => names.some((name) => enabled(parsed, name)),
  };
}

/** Answers from the raw words, for subcommands that have no grammar yet. */
export function wordView(args: readonly string[]): OptionView {
  return {
    short: (letters) => hasShort(args, letters),
    long: (names) => hasLong(args, names),
  };
}
