type Env = Readonly<Record<string, string | undefined>>;
/**
 * The user's own configuration directory, `$XDG_CONFIG_HOME/runbook-exec` or
 * `$HOME/.config/runbook-exec`; `undefined` when the environment names neither.
 */
export declare function userConfigDir(env: Env): string | undefined;
/** The user's own config file, read with full trust. */
export declare const USER_CONFIG_FILE = "config.toml";
/** sha256 (hex) of a file's exact bytes. */
export declare function contentHash(bytes: Uint8Array): string;
/** One trusted file: its real path and the hash of the content the user read. */
export interface TrustEntry {
    readonly file: string;
    readonly sha256: string;
}
/** True when the user trusted exactly this content at this path (`runbook-exec trust`). */
export declare function isTrusted(file: string, bytes: Uint8Array, env: Env): boolean;
/**
 * Records `file`'s current content as trusted, replacing what was trusted at that path before
 * (so an old content is trusted no more). Returns the entry, or `undefined` when the
 * environment names no configuration directory.
 */
export declare function trustFile(file: string, bytes: Uint8Array, env: Env): TrustEntry | undefined;
export {};
