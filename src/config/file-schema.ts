import { z } from "zod";
import { SEVERITIES } from "../core/findings.js";
import { RISK_LEVELS } from "../core/risk.js";
import { SCRIPT_PLACEHOLDER } from "../parse/interpreters.js";

/**
 * How steps are contained: `auto` uses the strongest mode the host allows; `process-group`
 * forgoes PID namespaces (e.g. for steps that need `sudo` inside an unprivileged user namespace).
 */
export const CONTAINMENT_SETTINGS = ["auto", "process-group"] as const;
export type ContainmentSetting = (typeof CONTAINMENT_SETTINGS)[number];

/** Severities a `[rules]` entry may take; `off` disables the rule. */
export const RULE_SEVERITIES = [...SEVERITIES, "off"] as const;

/** The most `max_file_bytes` may be raised to: past this, parsing time is no longer bounded. */
export const MAX_FILE_BYTES_CEILING = 64 * 1024 * 1024;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A Slack channel ID (`C…`, `G…`) or `#name` (lower-case letters, digits, `-`, `_`, at most 80). */
const SLACK_CHANNEL = /^(#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{2,})$/;
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_GROUP = /^S[A-Z0-9]{2,}$/;
const approvalCount = z.number().int().min(1).max(20);
/** Plain http only to this machine: the bot token must not cross a network in clear text. */
const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;
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
    slack_channel: z.string().regex(SLACK_CHANNEL),
    slack_approvers: z.array(z.string().regex(SLACK_USER)),
    slack_approver_groups: z.array(z.string().regex(SLACK_GROUP)),
    slack_min_approvals: z
      .object({ read_only: approvalCount, modifying: approvalCount, destructive: approvalCount })
      .partial()
      .strict(),
    slack_prevent_self_approval: z.boolean(),
    slack_requester: z.string().regex(SLACK_USER),
    slack_api_url: z
      .url({ protocol: /^https?$/ })
      .refine((url) => url.startsWith("https:") || LOOPBACK_URL.test(url)),
    slack_notify: z.boolean(),
    slack_notify_output: z.boolean(),
    slack_poll_interval_seconds: z.number().min(0.01).max(60),
    timeout_seconds: seconds,
    approval_timeout_seconds: seconds,
    auto_approve_level: z.enum(RISK_LEVELS),
    mcp_max_approval_level: z.enum(RISK_LEVELS),
    audit_log_dir: text,
    inline_code_commands: z.boolean(),
    step_mode: z.enum(["numbered", "fences"]),
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
    max_file_bytes: z.number().int().min(1).max(MAX_FILE_BYTES_CEILING),
    cache_dir: text,
    working_directory: text,
    pass_env: z.array(z.string().regex(ENV_NAME)),
    containment: z.enum(CONTAINMENT_SETTINGS),
    audit_key_file: text,
  })
  .partial()
  .strict();

/** One validated layer of settings, as spelled in the file. */
export type FileLayer = z.infer<typeof FILE_SCHEMA>;
/** A key of `.runbook-exec.toml`, e.g. `timeout_seconds`. */
export type ConfigKey = keyof FileLayer;

/** How a key's value is spelled in an environment variable; `undefined`: not settable there. */
export type EnvKind = "string" | "integer" | "number" | "boolean" | "list" | undefined;

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
    expected: "a Slack channel ID (`C0123ABCD`) or `#name` (lower-case letters, digits, `-`, `_`)",
    example: 'slack_channel = "#ops-approvals"',
    env: "string",
  },
  slack_approvers: {
    expected: "an array of Slack user IDs",
    example: 'slack_approvers = ["U0123ABCD", "U0456EFGH"]',
    env: "list",
    item: "a Slack user ID such as `U0123ABCD` (not a display name)",
  },
  slack_approver_groups: {
    expected: "an array of Slack user-group IDs",
    example: 'slack_approver_groups = ["S0123ABCD"]',
    env: "list",
    item: "a Slack user-group ID such as `S0123ABCD`",
  },
  slack_min_approvals: {
    expected: "a table of risk level = number of approvals (1–20)",
    example: "[slack_min_approvals]\ndestructive = 2",
    env: undefined,
    item: "a whole number from 1 to 20, under `read_only`, `modifying` or `destructive`",
  },
  slack_prevent_self_approval: {
    expected: "true or false",
    example: "slack_prevent_self_approval = true",
    env: "boolean",
  },
  slack_requester: {
    expected: "a Slack user ID such as `U0123ABCD`",
    example: 'slack_requester = "U0123ABCD"',
    env: "string",
  },
  slack_api_url: {
    expected: "an https URL of the Slack Web API (plain http only to 127.0.0.1 or localhost)",
    example: 'slack_api_url = "https://slack.com/api/"',
    env: "string",
  },
  slack_notify: {
    expected: "true or false",
    example: "slack_notify = true",
    env: "boolean",
  },
  slack_notify_output: {
    expected: "true or false",
    example: "slack_notify_output = false",
    env: "boolean",
  },
  slack_poll_interval_seconds: {
    expected: "a number of seconds from 0.01 to 60",
    example: "slack_poll_interval_seconds = 3",
    env: "number",
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
  mcp_max_approval_level: {
    expected: `one of ${RISK_LEVELS.map((l) => `"${l}"`).join(", ")}`,
    example: 'mcp_max_approval_level = "modifying"',
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
  step_mode: {
    expected: '"numbered" or "fences"',
    example: 'step_mode = "fences"',
    env: "string",
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
  max_file_bytes: {
    expected: "a whole number of bytes from 1 to 67108864 (64 MiB)",
    example: "max_file_bytes = 5242880",
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
  containment: {
    expected: `one of ${CONTAINMENT_SETTINGS.map((c) => `"${c}"`).join(", ")}`,
    example: 'containment = "auto"',
    env: "string",
  },
  audit_key_file: {
    expected: "a non-empty file path",
    example: 'audit_key_file = "~/.config/runbook-exec/audit.key"',
    env: "string",
  },
} as const satisfies Record<ConfigKey, KeyHelp>;

/** All keys, in the order of {@link KEY_HELP}. */
export const CONFIG_KEYS = Object.keys(KEY_HELP) as readonly ConfigKey[];

/** True when `key` is a configuration key. */
export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(KEY_HELP, key);
}
