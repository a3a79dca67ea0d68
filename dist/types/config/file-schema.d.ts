import { z } from "zod";
/**
 * How steps are contained: `auto` uses the strongest mode the host allows; `process-group`
 * forgoes PID namespaces (e.g. for steps that need `sudo` inside an unprivileged user namespace).
 */
export declare const CONTAINMENT_SETTINGS: readonly ["auto", "process-group"];
export type ContainmentSetting = (typeof CONTAINMENT_SETTINGS)[number];
/** Severities a `[rules]` entry may take; `off` disables the rule. */
export declare const RULE_SEVERITIES: readonly ["error", "warning", "info", "off"];
/** The most `max_file_bytes` may be raised to: past this, parsing time is no longer bounded. */
export declare const MAX_FILE_BYTES_CEILING: number;
/**
 * Every key `.runbook-exec.toml` accepts, in snake_case as written in the file. The environment
 * layer is validated with the same schema, so both report the same expectations.
 */
export declare const FILE_SCHEMA: z.ZodObject<{
    llm_model: z.ZodOptional<z.ZodString>;
    slack_channel: z.ZodOptional<z.ZodString>;
    slack_approvers: z.ZodOptional<z.ZodArray<z.ZodString>>;
    slack_approver_groups: z.ZodOptional<z.ZodArray<z.ZodString>>;
    slack_min_approvals: z.ZodOptional<z.ZodObject<{
        read_only: z.ZodOptional<z.ZodNumber>;
        modifying: z.ZodOptional<z.ZodNumber>;
        destructive: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
    slack_prevent_self_approval: z.ZodOptional<z.ZodBoolean>;
    slack_requester: z.ZodOptional<z.ZodString>;
    slack_api_url: z.ZodOptional<z.ZodURL>;
    slack_notify: z.ZodOptional<z.ZodBoolean>;
    slack_notify_output: z.ZodOptional<z.ZodBoolean>;
    slack_poll_interval_seconds: z.ZodOptional<z.ZodNumber>;
    timeout_seconds: z.ZodOptional<z.ZodNumber>;
    approval_timeout_seconds: z.ZodOptional<z.ZodNumber>;
    auto_approve_level: z.ZodOptional<z.ZodEnum<{
        read_only: "read_only";
        modifying: "modifying";
        destructive: "destructive";
    }>>;
    mcp_max_approval_level: z.ZodOptional<z.ZodEnum<{
        read_only: "read_only";
        modifying: "modifying";
        destructive: "destructive";
    }>>;
    audit_log_dir: z.ZodOptional<z.ZodString>;
    inline_code_commands: z.ZodOptional<z.ZodBoolean>;
    step_mode: z.ZodOptional<z.ZodEnum<{
        numbered: "numbered";
        fences: "fences";
    }>>;
    default_shell: z.ZodOptional<z.ZodString>;
    interpreters: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
    rules: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodEnum<{
        error: "error";
        warning: "warning";
        info: "info";
        off: "off";
    }>>>;
    dry_run: z.ZodOptional<z.ZodBoolean>;
    no_llm: z.ZodOptional<z.ZodBoolean>;
    no_llm_context: z.ZodOptional<z.ZodBoolean>;
    strict: z.ZodOptional<z.ZodBoolean>;
    llm_timeout_seconds: z.ZodOptional<z.ZodNumber>;
    llm_classify_budget_seconds: z.ZodOptional<z.ZodNumber>;
    llm_decision_budget_seconds: z.ZodOptional<z.ZodNumber>;
    llm_concurrency: z.ZodOptional<z.ZodNumber>;
    max_file_bytes: z.ZodOptional<z.ZodNumber>;
    cache_dir: z.ZodOptional<z.ZodString>;
    working_directory: z.ZodOptional<z.ZodString>;
    pass_env: z.ZodOptional<z.ZodArray<z.ZodString>>;
    containment: z.ZodOptional<z.ZodEnum<{
        auto: "auto";
        "process-group": "process-group";
    }>>;
    audit_key_file: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
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
export declare const KEY_HELP: {
    readonly llm_model: {
        readonly expected: "a non-empty model name";
        readonly example: "llm_model = \"claude-haiku-5-5\"";
        readonly env: "string";
    };
    readonly slack_channel: {
        readonly expected: "a Slack channel ID (`C0123ABCD`) or `#name` (lower-case letters, digits, `-`, `_`)";
        readonly example: "slack_channel = \"#ops-approvals\"";
        readonly env: "string";
    };
    readonly slack_approvers: {
        readonly expected: "an array of Slack user IDs";
        readonly example: "slack_approvers = [\"U0123ABCD\", \"U0456EFGH\"]";
        readonly env: "list";
        readonly item: "a Slack user ID such as `U0123ABCD` (not a display name)";
    };
    readonly slack_approver_groups: {
        readonly expected: "an array of Slack user-group IDs";
        readonly example: "slack_approver_groups = [\"S0123ABCD\"]";
        readonly env: "list";
        readonly item: "a Slack user-group ID such as `S0123ABCD`";
    };
    readonly slack_min_approvals: {
        readonly expected: "a table of risk level = number of approvals (1–20)";
        readonly example: "[slack_min_approvals]\ndestructive = 2";
        readonly env: undefined;
        readonly item: "a whole number from 1 to 20, under `read_only`, `modifying` or `destructive`";
    };
    readonly slack_prevent_self_approval: {
        readonly expected: "true or false";
        readonly example: "slack_prevent_self_approval = true";
        readonly env: "boolean";
    };
    readonly slack_requester: {
        readonly expected: "a Slack user ID such as `U0123ABCD`";
        readonly example: "slack_requester = \"U0123ABCD\"";
        readonly env: "string";
    };
    readonly slack_api_url: {
        readonly expected: "an https URL of the Slack Web API (plain http only to 127.0.0.1 or localhost)";
        readonly example: "slack_api_url = \"https://slack.com/api/\"";
        readonly env: "string";
    };
    readonly slack_notify: {
        readonly expected: "true or false";
        readonly example: "slack_notify = true";
        readonly env: "boolean";
    };
    readonly slack_notify_output: {
        readonly expected: "true or false";
        readonly example: "slack_notify_output = false";
        readonly env: "boolean";
    };
    readonly slack_poll_interval_seconds: {
        readonly expected: "a number of seconds from 0.01 to 60";
        readonly example: "slack_poll_interval_seconds = 3";
        readonly env: "number";
    };
    readonly timeout_seconds: {
        readonly expected: "a positive whole number of seconds";
        readonly example: "timeout_seconds = 300";
        readonly env: "integer";
    };
    readonly approval_timeout_seconds: {
        readonly expected: "a positive whole number of seconds";
        readonly example: "approval_timeout_seconds = 900";
        readonly env: "integer";
    };
    readonly auto_approve_level: {
        readonly expected: `one of ${string}`;
        readonly example: "auto_approve_level = \"read_only\"";
        readonly env: "string";
    };
    readonly mcp_max_approval_level: {
        readonly expected: `one of ${string}`;
        readonly example: "mcp_max_approval_level = \"modifying\"";
        readonly env: "string";
    };
    readonly audit_log_dir: {
        readonly expected: "a non-empty directory path";
        readonly example: "audit_log_dir = \"./runbook-exec-logs\"";
        readonly env: "string";
    };
    readonly inline_code_commands: {
        readonly expected: "true or false";
        readonly example: "inline_code_commands = false";
        readonly env: "boolean";
    };
    readonly step_mode: {
        readonly expected: "\"numbered\" or \"fences\"";
        readonly example: "step_mode = \"fences\"";
        readonly env: "string";
    };
    readonly default_shell: {
        readonly expected: "a non-empty shell name such as \"bash\"";
        readonly example: "default_shell = \"bash\"";
        readonly env: "string";
    };
    readonly interpreters: {
        readonly expected: "a table of language = \"program and arguments\"";
        readonly example: "[interpreters]\nsql = \"psql -X -v ON_ERROR_STOP=1 -f -\"";
        readonly env: undefined;
        readonly item: "a non-empty program and arguments, with `{script}` (if any) as the last word";
    };
    readonly rules: {
        readonly expected: `a table of rule id or alias = ${string}`;
        readonly example: "[rules]\nRB001 = \"warning\"";
        readonly env: undefined;
        readonly item: `one of ${string}`;
    };
    readonly dry_run: {
        readonly expected: "true or false";
        readonly example: "dry_run = true";
        readonly env: "boolean";
    };
    readonly no_llm: {
        readonly expected: "true or false";
        readonly example: "no_llm = true";
        readonly env: "boolean";
    };
    readonly no_llm_context: {
        readonly expected: "true or false";
        readonly example: "no_llm_context = true";
        readonly env: "boolean";
    };
    readonly strict: {
        readonly expected: "true or false";
        readonly example: "strict = true";
        readonly env: "boolean";
    };
    readonly llm_timeout_seconds: {
        readonly expected: "a positive whole number of seconds";
        readonly example: "llm_timeout_seconds = 30";
        readonly env: "integer";
    };
    readonly llm_classify_budget_seconds: {
        readonly expected: "a positive whole number of seconds";
        readonly example: "llm_classify_budget_seconds = 20";
        readonly env: "integer";
    };
    readonly llm_decision_budget_seconds: {
        readonly expected: "a positive whole number of seconds";
        readonly example: "llm_decision_budget_seconds = 10";
        readonly env: "integer";
    };
    readonly llm_concurrency: {
        readonly expected: "a whole number from 1 to 64";
        readonly example: "llm_concurrency = 4";
        readonly env: "integer";
    };
    readonly max_file_bytes: {
        readonly expected: "a whole number of bytes from 1 to 67108864 (64 MiB)";
        readonly example: "max_file_bytes = 5242880";
        readonly env: "integer";
    };
    readonly cache_dir: {
        readonly expected: "a non-empty directory path";
        readonly example: "cache_dir = \".runbook-exec-cache\"";
        readonly env: "string";
    };
    readonly working_directory: {
        readonly expected: "a non-empty directory path";
        readonly example: "working_directory = \".\"";
        readonly env: "string";
    };
    readonly pass_env: {
        readonly expected: "an array of environment variable names";
        readonly example: "pass_env = [\"KUBECONFIG\", \"VAULT_ADDR\"]";
        readonly env: "list";
        readonly item: "an environment variable name (letters, digits, `_`; not starting with a digit)";
    };
    readonly containment: {
        readonly expected: `one of ${string}`;
        readonly example: "containment = \"auto\"";
        readonly env: "string";
    };
    readonly audit_key_file: {
        readonly expected: "a non-empty file path";
        readonly example: "audit_key_file = \"~/.config/runbook-exec/audit.key\"";
        readonly env: "string";
    };
};
/** All keys, in the order of {@link KEY_HELP}. */
export declare const CONFIG_KEYS: readonly ConfigKey[];
/** True when `key` is a configuration key. */
export declare function isConfigKey(key: string): key is ConfigKey;
