/** Small, allocation-light helpers over argument lists (`args` exclude the command name). */
/** True when a short-option cluster (`-rf`, `-f`) contains one of `letters`. */
export declare function hasShort(args: readonly string[], letters: string): boolean;
/** True when `--name` or `--name=value` is present for one of `names`. */
export declare function hasLong(args: readonly string[], names: readonly string[]): boolean;
/** True when any of `flags` is present exactly (`-X`, `--force`). */
export declare function hasAny(args: readonly string[], flags: readonly string[]): boolean;
/**
 * Value of an option: `-X VALUE`, `-XVALUE`, `--long VALUE`, `--long=VALUE`. Last one wins.
 * `short` is a single letter or `""`. With `clustered`, the letter may end a cluster of
 * flags (`curl -fsSLo FILE`, `wget -qO-`), for tools whose other short options are flags.
 */
export declare function optionValue(args: readonly string[], short: string, long: readonly string[], clustered?: boolean): string | undefined;
/** Every value of a repeatable option (`psql -c A -c B`). */
export declare function optionValues(args: readonly string[], short: string, long: readonly string[]): string[];
/** Which options take a separate value, so their values are not taken for operands. */
export interface ValueOptions {
    /** Short letters that take a value (`n` for `-n prod`). */
    readonly short?: string;
    /** Long names that take a value when written `--name value`. */
    readonly long?: readonly string[];
    /** Treat every `--long` without `=` as taking a value, except these flags. */
    readonly longFlags?: readonly string[];
}
/** Operands (non-options), skipping option values per `spec`. Everything after `--` is an operand. */
export declare function positionals(args: readonly string[], spec?: ValueOptions): string[];
