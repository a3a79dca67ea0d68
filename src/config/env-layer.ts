import { CONFIG_KEYS, KEY_HELP, type EnvKind, type FileLayer } from "./file-schema.js";
import { validateLayer } from "./issues.js";

/** Environment variables that set configuration keys start with this. */
export const ENV_PREFIX = "RUNBOOK_EXEC_";

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
 * The configuration layer set by `RUNBOOK_EXEC_<KEY>` variables (e.g. `RUNBOOK_EXEC_NO_LLM=1`,
 * `RUNBOOK_EXEC_PASS_ENV=KUBECONFIG,VAULT_ADDR`), validated with the file's schema.
 * Tables (`interpreters`, `rules`) are file-only. An empty variable counts as unset.
 */
export function readEnvLayer(env: Readonly<Record<string, string | undefined>>): FileLayer {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const kind = KEY_HELP[key].env;
    const value = env[`${ENV_PREFIX}${key.toUpperCase()}`];
    if (kind === undefined || value === undefined || value === "") continue;
    raw[key] = coerce(kind, value);
  }
  return validateLayer(raw, { kind: "env", prefix: ENV_PREFIX });
}
