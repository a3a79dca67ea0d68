import { isSecretName } from "./secret-names.js";

/**
 * The tool's own secrets: variables runbook-exec itself (or an SDK it drives) reads.
 * Safety invariant 5 removes these from every child environment unless the config passes
 * them on explicitly (`pass_env`).
 */
export const TOOL_SECRET_ENV_NAMES = [
  "ANTHROPIC_API_KEY",
  "ANTHROPIC_AUTH_TOKEN",
  "SLACK_BOT_TOKEN",
  "SLACK_USER_TOKEN",
  "SLACK_APP_TOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "ACTIONS_RUNTIME_TOKEN",
  // Lets a JavaScript action mint OIDC tokens (cloud credentials) when the job has id-token: write.
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "RUNBOOK_EXEC_AUDIT_KEY",
] as const;
export type ToolSecretEnvName = (typeof TOOL_SECRET_ENV_NAMES)[number];

/** Name of the variable that holds the audit log's HMAC key. */
export const AUDIT_KEY_ENV = "RUNBOOK_EXEC_AUDIT_KEY" satisfies ToolSecretEnvName;

/**
 * The audit key from `env[name]` (default {@link AUDIT_KEY_ENV}); unset and empty both mean no
 * key, so `RUNBOOK_EXEC_AUDIT_KEY=` in a shell does not produce macs under an empty key.
 */
export function auditKeyFrom(
  env: Readonly<Record<string, string | undefined>>,
  name: string = AUDIT_KEY_ENV,
): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Shortest environment value redacted literally; shorter values would blank ordinary words. */
export const MIN_SECRET_VALUE_LENGTH = 6;

const TOOL_NAMES: ReadonlySet<string> = new Set(TOOL_SECRET_ENV_NAMES);

/** True when an environment variable's name says its value is a secret. */
export function isSecretEnvName(name: string): boolean {
  return TOOL_NAMES.has(name.toUpperCase().replaceAll("-", "_")) || isSecretName(name);
}

/**
 * Values of secret-looking variables long enough to redact literally, longest first so a
 * value that contains another is replaced whole.
 */
export function secretEnvValues(env: Readonly<Record<string, string | undefined>>): string[] {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value.length < MIN_SECRET_VALUE_LENGTH) continue;
    if (isSecretEnvName(name)) values.add(value);
  }
  return sortLongestFirst(values);
}

/** Distinct strings, longest first (ties in code-unit order, so the result is deterministic). */
export function sortLongestFirst(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
