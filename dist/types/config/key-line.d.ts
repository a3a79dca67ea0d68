/**
 * The 1-based line where `path` (e.g. `["rules", "RB999"]`) is defined in TOML `source`:
 * the exact key if it is written out, else the closest enclosing key or table header
 * (an array element is reported at its array's key). `undefined` when nothing matches.
 */
export declare function findKeyLine(source: string, path: readonly (string | number)[]): number | undefined;
