import type { Unwrapper } from "./unwrapped.js";
/** Wrapper commands by name. */
export declare const WRAPPERS: ReadonlyMap<string, Unwrapper>;
/** Names of programs that run shell text. */
export declare const SHELL_NAMES: ReadonlySet<string>;
