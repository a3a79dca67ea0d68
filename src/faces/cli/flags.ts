import type { Command } from "commander";
import type { ConfigOverrides } from "../../config/load.js";
import type { Config } from "../../config/types.js";

/** Config keys a boolean flag can set. */
export type BooleanConfigKey = {
  [K in keyof Config]: Config[K] extends boolean ? K : never;
}[keyof Config];

/** A boolean flag and the config key it sets: `--strict` → `strict`, `--no-llm` → `noLlm`. */
export interface BooleanFlag {
  /** Commander's attribute name: `strict`, or `llm` for `--no-llm`. */
  readonly option: string;
  readonly key: BooleanConfigKey;
}

/**
 * Config overrides from the boolean flags the user actually typed. Flags left out set nothing,
 * so `dry_run = true` in the file is not reset by a default; commander's implicit default for
 * `--no-x` (true) is ignored the same way.
 */
export function booleanOverrides(command: Command, flags: readonly BooleanFlag[]): ConfigOverrides {
  const overrides: Partial<Record<BooleanConfigKey, boolean>> = {};
  for (const flag of flags) {
    if (command.getOptionValueSource(flag.option) !== "cli") continue;
    // Every flag here turns its setting on: `--no-llm` is stored as `llm: false`, meaning noLlm.
    overrides[flag.key] = true;
  }
  return overrides;
}
