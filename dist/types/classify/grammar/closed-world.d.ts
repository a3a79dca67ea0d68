import { type Hit } from "../hit.js";
import { type ParsedArgs, type Problem } from "./parse.js";
import type { Syntax } from "./syntax.js";
/** Every word of `parsed` that keeps it from being a proven read, in command-line order. */
export declare function readProblems(parsed: ParsedArgs): Problem[];
/**
 * The closed-world rule: a command the tool tables call `read_only` stays so only when its
 * grammar accounts for every word (known options, safe for a read, known subcommand, operands
 * in a reading role). Each word that is not understood becomes a proven `modifying` hit that
 * names it; an empty list means the read is proven.
 */
export declare function closedWorldHits(tool: string, args: readonly string[], syntax: Syntax): Hit[];
