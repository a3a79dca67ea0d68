import type { ShellWord } from "./types.js";
import type { Unwrapped } from "./unwrapped.js";
/** `knife ssh QUERY COMMAND…`: the joined command runs on every node the query finds. */
export declare function knifeSsh(args: readonly ShellWord[]): Unwrapped | undefined;
