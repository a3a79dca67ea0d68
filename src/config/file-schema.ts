import { z } from "zod";
import { SEVERITIES } from "../core/findings.js";
import { RISK_LEVELS } from "../core/risk.js";
import { SCRIPT_PLACEHOLDER } from "../parse/interpreters.js";

/** Severities a `[rules]` entry may take; `off` disables the rule. */
export const RULE_SEVERITIES = [...SEVERITIES, "off"] as const;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const text = z.string().min(1);
const seconds = z.number().int().positive();
/** An interpreter command line; `{script}`, when used, must be its last word (the script goes there). */
const commandLine = text.refine(
  (line) => {
    const words = line.trim().split(/\s+/);
    const at = words.indexOf(SCRIPT_PLACEHOLDER);
    return at === -1 || at === words.length - 1;
  },
  { message: `\`${SCRIPT_PLACEHOLDER}\` must be the last word` },
);

/**
 * Every key `.runbook-exec.toml` accepts, in snake_case as written in the file. The environment
 * layer is validated with the same schema, so both report the same expectations.
 */
export const FILE_SCHEMA = z
  .object({
    llm_model: text,
    slack_channel: text,
    timeout_seconds: seconds,
    approval_timeout_seconds: seconds,
    auto_approve_level: z.enum(RISK_LEVELS),
    audit_log_dir: text,
    inline_code_commands: z.boolean(),
    default_shell: text,
    interpreters: z.record(z.string().min(1), commandLine),
    rules: z.record(z.string(), z.enum(RULE_SEVERITIES)),
    dry_run: z.boolean(),
    no_llm: z.boolean(),
    no_llm_context: z.boolean(),
    strict: z.boolean(),
    llm_timeout_seconds: seconds,
    llm_classify_budget_seconds: seconds,
    llm_decision_budget_seconds: seconds,
    llm_concurrency: z.number().int().min(1).max(64),
    cache_dir: text,
    working_directory: text,
    pass_env: z.array(z.string().regex(ENV_NAME)),
  })
  .partial()
  .strict();

/** One validated layer of settings, as spelled in the file. */
export type FileLayer = z.infer<typeof FILE_SCHEMA>;
/** A key of `.runbook-exec.toml`, e.g. `timeout_seconds`. */
export type ConfigKey = keyof FileLayer;

/** How a key's value is spelled in an environment variable; `undefined`: not settable there. */
export type EnvKind = "string" | "integer" | "boolean" | "list" | undefined;

/** Help for one key: used in error messages and kept beside the schema. */
export interface KeyHelp {
  /** What a valid value looks like, for "expected …" messages. */
  readonly expected: string;
  /** A valid line, for "fix: …" messages. */
  readonly example: string;
  readonly env: EnvKind;
  /** For tables and arrays: what one entry must be. */
  readonly item?: string;
}

/** Help text for every key; `satisfies` keeps it in step with {@link FILE_SCHEMA}. */
export const KEY_HELP = {
  llm_model: {
    expected: "a non-empty model name",
    example: 'llm_model = "claude-haiku-5-5"',
    env: "string",
  },
  slack_channel: {
    expected: "a non-empty channel name or id",
    example: 'slack_channel = "#ops-approvals"',
    env: "string",
  },
  timeout_seconds: {
    expected: "a positive whole number of seconds",
    example: "timeout_seconds = 300",
    env: "integer",
  },
  approval_timeout_seconds: {
    expected: "a positive whole number of seconds",
    example: "approval_timeout_seconds = 900",
    env: "integer",
  },
  auto_approve_level: {
    expected: `one of ${RISK_LEVELS.map((l) => `"${l}"`).join(", ")}`,
    example: 'auto_approve_level = "read_only"',
    env: "string",
  },
  audit_log_dir: {
    expected: "a non-empty directory path",
    example: 'audit_log_dir = "./runbook-exec-logs"',
    env: "string",
  },
  inline_code_commands: {
    expected: "true or false",
    example: "inline_code_commands = false",
    env: "boolean",
  },
  default_shell: {
    expected: 'a non-empty shell name such as "bash"',
    example: 'default_shell = "bash"',
    env: "string",
  },
  interpreters: {
    expected: 'a table of language = "program and arguments"',
    example: '[interpreters]\nsql = "psql -X -v ON_ERROR_STOP=1 -f -"',
    env: undefined,
    item: "a non-empty program and arguments, with `{script}` (if any) as the last word",
  },
  rules: {
    expected: `a table of rule id or alias = ${RULE_SEVERITIES.map((s) => `"${s}"`).join(" | ")}`,
    example: '[rules]\nRB001 = "warning"',
    env: undefined,
    item: `one of ${RULE_SEVERITIES.map((s) => `"${s}"`).join(", ")}`,
  },
  dry_run: { expected: "true or false", example: "dry_run = true", env: "boolean" },
  no_llm: { expected: "true or false", example: "no_llm = true", env: "boolean" },
  no_llm_context: { expected: "true or false", example: "no_llm_context = true", env: "boolean" },
  strict: { expected: "true or false", example: "strict = true", env: "boolean" },
  llm_timeout_seconds: {
    expected: "a positive whole number of seconds",
    example: "llm_timeout_seconds = 30",
    env: "integer",
  },
  llm_classify_budget_seconds: {
    expected: "a positive whole number of seconds",
    example: "llm_classify_budget_seconds = 20",
    env: "integer",
  },
  llm_decision_budget_seconds: {
    expected: "a positive whole number of seconds",
    example: "llm_decision_budget_seconds = 10",
    env: "integer",
  },
  llm_concurrency: {
    expected: "a whole number from 1 to 64",
    example: "llm_concurrency = 4",
    env: "integer",
  },
  cache_dir: {
    expected: "a non-empty directory path",
    example: 'cache_dir = ".runbook-exec-cache"',
    env: "string",
  },
  working_directory: {
    expected: "a non-empty directory path",
    example: 'working_directory = "."',
    env: "string",
  },
  pass_env: {
    expected: "an array of environment variable names",
    example: 'pass_env = ["KUBECONFIG", "VAULT_ADDR"]',
    env: "list",
    item: "an environment variable name (letters, digits, `_`; not starting with a digit)",
  },
} as const satisfies Record<ConfigKey, KeyHelp>;

/** All keys, in the order of {@link KEY_HELP}. */
export const CONFIG_KEYS = Object.keys(KEY_HELP) as readonly ConfigKey[];

/** True when `key` is a configuration key. */
export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(KEY_HELP, key);
}
