import type { ConfigNotice } from "./types.js";
/** The command that trusts `file`, quoted for a POSIX shell. */
export declare function trustCommand(file: string): string;
/** One line for people about a configuration notice (invariant 11); not yet escaped. */
export declare function describeNotice(notice: ConfigNotice): string;
