import type { ShellWord } from "./types.js";
/** How a wrapper's options are laid out, so its command can be found after them. */
export interface OptionSpec {
    /** Short options that take a value (`u` for `sudo -u root`). */
    readonly shortWithValue?: string;
    /** Long options that take a value when not written `--opt=value`. */
    readonly longWithValue?: readonly string[];
    /** Short options after which the wrapper is not a wrapper (`command -v`, `sudo -l`). */
    readonly stopShort?: string;
    readonly stopLong?: readonly string[];
    /** Stop at the first word not starting with `-` even if it looks like `+x`. */
    readonly plusIsOption?: boolean;
}
/** Where the options ended, and the short options seen. */
export interface Scan {
    /** Index of the first operand. */
    readonly index: number;
    /** Short option letters seen, with their values (`{ u: "root" }`); flags map to `""`. */
    readonly short: ReadonlyMap<string, string>;
    readonly stopped: boolean;
}
/** Skip options per `spec`; `--` ends them. Values may be attached (`-uroot`) or separate. */
export declare function scanOptions(args: readonly ShellWord[], spec: OptionSpec): Scan;
/** Skip `NAME=value` words (sudo and env accept them before the command). */
export declare function skipAssignments(args: readonly ShellWord[], from: number): number;
