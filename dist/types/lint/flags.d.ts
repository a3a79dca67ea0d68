/** True when a short flag (also inside a cluster like `-it`) or a long flag is present. */
export declare function hasFlag(args: readonly string[], short: string, ...long: readonly string[]): boolean;
/** Operands after skipping options; `withValue` lists options that take the next word. */
export declare function operands(args: readonly string[], withValue: readonly string[]): string[];
