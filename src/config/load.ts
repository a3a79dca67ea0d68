import { stat } from "node:fs/promises";
import path from "node:path";
import { readEnvLayer, ENV_PREFIX } from "./env-layer.js";
import type { FileLayer } from "./file-schema.js";
import { readConfigBytes, readConfigFile, type RuleRef } from "./file-layer.js";
import { findConfigFile } from "./find.js";
import { findKeyLine } from "./key-line.js";
import { unsafeOwnership } from "./ownership.js";
import { splitUnsafeSettings } from "./safety.js";
import { isTrusted, USER_CONFIG_FILE, userConfigDir } from "./trust.js";
import { DEFAULT_CONFIG, type Config, type ConfigNotice } from "./types.js";

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

type Layer = Partial<Omit<Config, "configFile" | "notices">>;
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
    slackApprovers: layer.slack_approvers,
    slackApproverGroups: layer.slack_approver_groups,
    slackMinApprovals: layer.slack_min_approvals,
    slackPreventSelfApproval: layer.slack_prevent_self_approval,
    slackRequester: layer.slack_requester,
    slackApiUrl: layer.slack_api_url,
    slackNotify: layer.slack_notify,
    slackNotifyOutput: layer.slack_notify_output,
    slackPollIntervalSeconds: layer.slack_poll_interval_seconds,
    timeoutSeconds: layer.timeout_seconds,
    approvalTimeoutSeconds: layer.approval_timeout_seconds,
    autoApproveLevel: layer.auto_approve_level,
    mcpMaxApprovalLevel: layer.mcp_max_approval_level,
    auditLogDir: resolveFrom(base, layer.audit_log_dir),
    inlineCodeCommands: layer.inline_code_commands,
    stepMode: layer.step_mode,
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
    maxFileBytes: layer.max_file_bytes,
    cacheDir: resolveFrom(base, layer.cache_dir),
    workingDirectory: resolveFrom(base, layer.working_directory),
    passEnv: layer.pass_env,
    containment: layer.containment,
    auditKeyFile: resolveFrom(base, layer.audit_key_file),
  });
}

/** Path settings from flags or defaults resolve against the working directory. */
function resolvePaths(layer: Layer, cwd: string): Layer {
  return compact({
    ...layer,
    auditLogDir: resolveFrom(cwd, layer.auditLogDir),
    cacheDir: resolveFrom(cwd, layer.cacheDir),
    workingDirectory: resolveFrom(cwd, layer.workingDirectory),
    auditKeyFile: resolveFrom(cwd, layer.auditKeyFile),
  });
}

/** The user's own `config.toml`, read with full trust; `{}` when there is none. */
async function userLayer(options: LoadConfigOptions): Promise<Layer> {
  const dir = userConfigDir(options.env);
  if (dir === undefined) return {};
  const file = path.join(dir, USER_CONFIG_FILE);
  const found = await stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
  return found ? toConfigLayer(await readConfigFile(file, options.knownRules), dir) : {};
}

/** The project layer: an explicit file (trusted), or the one the search found (restricted). */
async function projectLayer(
  options: LoadConfigOptions,
): Promise<{ layer: Layer; file: string | undefined; notices: ConfigNotice[] }> {
  const explicit = options.configPath ?? options.env[`${ENV_PREFIX}CONFIG`];
  if (explicit !== undefined && explicit.trim() !== "") {
    const file = path.resolve(options.cwd, explicit);
    const layer = await readConfigFile(file, options.knownRules);
    return { layer: toConfigLayer(layer, path.dirname(file)), file, notices: [] };
  }
  const file = await findConfigFile(options.cwd, { home: options.env["HOME"] });
  if (file === undefined) return { layer: {}, file: undefined, notices: [] };
  const unsafe = unsafeOwnership(file);
  if (unsafe !== undefined)
    return {
      layer: {},
      file: undefined,
      notices: [{ kind: "unsafe_file", file, detail: unsafe, settings: [] }],
    };
  const bytes = await readConfigBytes(file);
  const layer = await readConfigFile(file, options.knownRules, bytes);
  if (isTrusted(file, bytes, options.env))
    return { layer: toConfigLayer(layer, path.dirname(file)), file, notices: [] };
  const { safe, ignored } = splitUnsafeSettings(layer, options.knownRules);
  const text = new TextDecoder().decode(bytes);
  const settings = ignored.map(({ key, shown }) => ({
    key,
    shown,
    line: findKeyLine(text, [key]) ?? 1,
  }));
  const notices: ConfigNotice[] =
    ignored.length === 0
      ? []
      : [
          {
            kind: "untrusted_settings",
            file,
            detail: settings.map((i) => i.shown).join("; "),
            settings,
          },
        ];
  return { layer: toConfigLayer(safe, path.dirname(file)), file, notices };
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
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const user = await userLayer(options);
  const project = await projectLayer(options);
  const envLayer = toConfigLayer(readEnvLayer(options.env), options.cwd);
  const defaults: Config = {
    ...DEFAULT_CONFIG,
    auditLogDir: path.resolve(options.cwd, DEFAULT_CONFIG.auditLogDir),
    cacheDir: path.resolve(options.cwd, DEFAULT_CONFIG.cacheDir),
  };
  return {
    ...defaults,
    ...user,
    ...project.layer,
    ...envLayer,
    ...resolvePaths(options.overrides ?? {}, options.cwd),
    configFile: project.file,
    notices: project.notices,
  };
}
