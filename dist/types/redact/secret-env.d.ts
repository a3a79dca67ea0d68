/**
 * The tool's own secrets: variables runbook-exec itself (or an SDK it drives) reads.
 * Safety invariant 5 removes these from every child environment unless the config passes
 * them on explicitly (`pass_env`).
 */
export declare const TOOL_SECRET_ENV_NAMES: readonly ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "SLACK_BOT_TOKEN", "SLACK_USER_TOKEN", "SLACK_APP_TOKEN", "GITHUB_TOKEN", "GH_TOKEN", "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "RUNBOOK_EXEC_AUDIT_KEY"];
export type ToolSecretEnvName = (typeof TOOL_SECRET_ENV_NAMES)[number];
/** Name of the variable that holds the audit log's HMAC key. */
export declare const AUDIT_KEY_ENV = "RUNBOOK_EXEC_AUDIT_KEY";
/**
 * The audit key from `env[name]` (default {@link AUDIT_KEY_ENV}); unset and empty both mean no
 * key, so `RUNBOOK_EXEC_AUDIT_KEY=` in a shell does not produce macs under an empty key.
 */
export declare function auditKeyFrom(env: Readonly<Record<string, string | undefined>>, name?: string): string | undefined;
/** Shortest environment value redacted literally; shorter values would blank ordinary words. */
export declare const MIN_SECRET_VALUE_LENGTH = 6;
/** True when an environment variable's name says its value is a secret. */
export declare function isSecretEnvName(name: string): boolean;
/**
 * Values of secret-looking variables long enough to redact literally, longest first so a
 * value that contains another is replaced whole.
 */
export declare function secretEnvValues(env: Readonly<Record<string, string | undefined>>): string[];
/** Distinct strings, longest first (ties in code-unit order, so the result is deterministic). */
export declare function sortLongestFirst(values: Iterable<string>): string[];
