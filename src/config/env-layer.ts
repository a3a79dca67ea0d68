import { RunbookExecError } from "../core/errors.js";
import {
  CONFIG_KEYS,
  isConfigKey,
  KEY_HELP,
  type ConfigKey,
  type EnvKind,
  type FileLayer,
} from "./file-schema.js";
import { validateLayer } from "./issues.js";
import { closest } from "./suggest.js";

/** Environment variables that set configuration keys start with this. */
export const ENV_PREFIX = "RUNBOOK_EXEC_";

/**
 * Keys also read from the unprefixed variable other tools use (`SLACK_API_URL`); the
 * `RUNBOOK_EXEC_` one wins when both are set.
 */
const UNPREFIXED: readonly ConfigKey[] = ["slack_api_url"];

/** `RUNBOOK_EXEC_*` variables that are not configuration keys (read elsewhere). */
const OTHER_VARIABLES = new Set(["CONFIG", "DEBUG", "AUDIT_KEY", "STEP_MARK"]);

const TRUE = new Set(["1", "true", "yes", "on"]);
const FALSE = new Set(["0", "false", "no", "off"]);

/** Converts the text of a variable to the TOML type of its key; invalid text stays text so the schema rejects it by name. */
function coerce(kind: Exclude<EnvKind, undefined>, raw: string): unknown {
  const value = raw.trim();
  switch (kind) {
    case "string":
      return value;
    case "integer":
      return /^\d+$/.test(value) ? Number(value) : raw;
    case "number":
      return /^\d+(\.\d+)?$/.test(value) ? Number(value) : raw;
    case "boolean": {
      const lower = value.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return raw;
    }
    case "list":
      return value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "");
  }
}

/**
 * A misspelt variable would be ignored silently, and `RUNBOOK_EXEC_DRYRUN=1` would then run for
 * real: near-misses of a key's variable, and variables for file-only tables, are errors.
 */
function checkVariableNames(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of Object.keys(env)) {
    if (!name.startsWith(ENV_PREFIX) || env[name] === undefined) continue;
    const suffix = name.slice(ENV_PREFIX.length);
    const key = suffix.toLowerCase();
    if (OTHER_VARIABLES.has(suffix)) continue;
    if (isConfigKey(key) && suffix === key.toUpperCase()) {
      if (KEY_HELP[key].env !== undefined) continue;
      throw new RunbookExecError(
        "CONFIG_INVALID",
        `\`${name}\`: \`${key}\` can only be set in .runbook-exec.toml; fix: move it there and unset the variable`,
      );
    }
    const suggestion = closest(
      key,
      CONFIG_KEYS.filter((k) => KEY_HELP[k].env !== undefined),
    );
    if (suggestion !== undefined) {
      throw new RunbookExecError(
        "CONFIG_INVALID",
        `\`${name}\` is not a runbook-exec variable; did you mean \`${ENV_PREFIX}${suggestion.toUpperCase()}\`?`,
      );
    }
  }
}

/**
 * The configuration layer set by `RUNBOOK_EXEC_<KEY>` variables (e.g. `RUNBOOK_EXEC_NO_LLM=1`,
 * `RUNBOOK_EXEC_PASS_ENV=KUBECONFIG,VAULT_ADDR`), validated with the file's schema.
 * Tables (`interpreters`, `rules`) are file-only. An empty variable counts as unset.
 */
export function readEnvLayer(env: Readonly<Record<string, string | undefined>>): FileLayer {
  checkVariableNames(env);
  const unprefixed = validateLayer(readKeys(env, UNPREFIXED, ""), { kind: "env", prefix: "" });
  const prefixed = readKeys(env, CONFIG_KEYS, ENV_PREFIX);
  return { ...unprefixed, ...validateLayer(prefixed, { kind: "env", prefix: ENV_PREFIX }) };
}

/** The raw values of `keys` from `PREFIX` + upper-case key variables, coerced to their kinds. */
function readKeys(
  env: Readonly<Record<string, string | undefined>>,
  keys: readonly ConfigKey[],
  prefix: string,
): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const kind = KEY_HELP[key].env;
    const value = env[`${prefix}${key.toUpperCase()}`];
    if (kind === undefined || value === undefined || value === "") continue;
    raw[key] = coerce(kind, value);
  }
  return raw;
}
