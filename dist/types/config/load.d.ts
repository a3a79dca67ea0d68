import { type RuleRef } from "./file-layer.js";
import { type Config } from "./types.js";
/** Settings given as command-line flags: only the flags the user actually typed. */
export type ConfigOverrides = Partial<Omit<Config, "configFile" | "notices">>;
/** Where to look for settings; see {@link loadConfig}. */
export interface LoadConfigOptions {
    /** Where the search for `.runbook-exec.toml` starts, and the base of relative paths outside the file. */
    readonly cwd: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    /** An explicit config file (`--config`); it must exist. Wins over `RUNBOOK_EXEC_CONFIG` and the search. */
    readonly configPath?: string;
    readonly overrides?: ConfigOverrides;
    /** Rule ids and aliases `[rules]` may name (the lint registry's). */
    readonly knownRules: readonly RuleRef[];
}
/**
 * The effective configuration: defaults < the user's own `config.toml` < the project file <
 * `RUNBOOK_EXEC_*` environment < flags. The project file is `--config` / `RUNBOOK_EXEC_CONFIG`
 * (trusted: the operator named it), or else the `.runbook-exec.toml` the upward search finds,
 * which is skipped when another user owns it or others may write it, and which may not lower
 * safety until the operator trusts its exact content (`runbook-exec trust`, invariant 11): what
 * was skipped or ignored is in `notices`. Paths in a file resolve against the file's directory;
 * others against `cwd`. Every path in the result is absolute. Throws
 * `RunbookExecError("CONFIG_INVALID")` naming the file, key and line.
 */
export declare function loadConfig(options: LoadConfigOptions): Promise<Config>;
