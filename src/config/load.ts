import path from "node:path";
import { readEnvLayer, ENV_PREFIX } from "./env-layer.js";
import type { FileLayer } from "./file-schema.js";
import { readConfigFile, type RuleRef } from "./file-layer.js";
import { findConfigFile } from "./find.js";
import { DEFAULT_CONFIG, type Config } from "./types.js";

/** Settings given as command-line flags: only the flags the user actually typed. */
export type ConfigOverrides = Partial<Omit<Config, "configFile">>;

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

type Layer = Partial<Omit<Config, "configFile">>;
type LooseLayer = { [K in keyof Layer]?: Layer[K] | undefined };

/** Drops unset keys, so a layer overrides only what it sets (`{ dryRun: undefined }` must not reset `true`). */
function compact(layer: LooseLayer): Layer {
  return Object.fromEntries(
    Object.entries(layer).filter(([, value]) => value !== undefined),
  ) as Layer;
}

function resolveFrom(base: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : path.resolve(base, value);
}

/** A validated file or environment layer in `Config` terms; paths resolve against `base`. */
function toConfigLayer(layer: FileLayer, base: string): Layer {
  return compact({
    llmModel: layer.llm_model,
    slackChannel: layer.slack_channel,
    timeoutSeconds: layer.timeout_seconds,
    approvalTimeoutSeconds: layer.approval_timeout_seconds,
    autoApproveLevel: layer.auto_approve_level,
    auditLogDir: resolveFrom(base, layer.audit_log_dir),
    inlineCodeCommands: layer.inline_code_commands,
    defaultShell: layer.default_shell,
    interpreters: layer.interpreters,
    rules: layer.rules,
    dryRun: layer.dry_run,
    noLlm: layer.no_llm,
    noLlmContext: layer.no_llm_context,
    strict: layer.strict,
    llmTimeoutSeconds: layer.llm_timeout_seconds,
    llmClassifyBudgetSeconds: layer.llm_classify_budget_seconds,
    llmDecisionBudgetSeconds: layer.llm_decision_budget_seconds,
    llmConcurrency: layer.llm_concurrency,
    cacheDir: resolveFrom(base, layer.cache_dir),
    workingDirectory: resolveFrom(base, layer.working_directory),
    passEnv: layer.pass_env,
  });
}

/** Path settings from flags or defaults resolve against the working directory. */
function resolvePaths(layer: Layer, cwd: string): Layer {
  return compact({
    ...layer,
    auditLogDir: resolveFrom(cwd, layer.auditLogDir),
    cacheDir: resolveFrom(cwd, layer.cacheDir),
    workingDirectory: resolveFrom(cwd, layer.workingDirectory),
  });
}

async function locateConfigFile(options: LoadConfigOptions): Promise<string | undefined> {
  const explicit = options.configPath ?? options.env[`${ENV_PREFIX}CONFIG`];
  if (explicit === undefined || explicit.trim() === "") return findConfigFile(options.cwd);
  return path.resolve(options.cwd, explicit);
}

/**
 * The effective configuration: defaults < `.runbook-exec.toml` < `RUNBOOK_EXEC_*` environment < flags.
 * Paths in the file resolve against the file's directory; others against `cwd`. Every path in the
 * result is absolute. Throws `RunbookExecError("CONFIG_INVALID")` naming the file, key and line.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const configFile = await locateConfigFile(options);
  const fileLayer =
    configFile === undefined
      ? {}
      : toConfigLayer(
          await readConfigFile(configFile, options.knownRules),
          path.dirname(configFile),
        );
  const envLayer = toConfigLayer(readEnvLayer(options.env), options.cwd);
  const defaults: Config = {
    ...DEFAULT_CONFIG,
    auditLogDir: path.resolve(options.cwd, DEFAULT_CONFIG.auditLogDir),
    cacheDir: path.resolve(options.cwd, DEFAULT_CONFIG.cacheDir),
  };
  return {
    ...defaults,
    ...fileLayer,
    ...envLayer,
    ...resolvePaths(options.overrides ?? {}, options.cwd),
    configFile,
  };
}
