import { riskRank } from "../core/risk.js";
import type { Severity } from "../core/findings.js";
import { TOOL_SECRET_ENV_NAMES } from "../redact/secret-env.js";
import type { FileLayer } from "./file-schema.js";

/** A rule as the safety check needs it: its id and the severity it has by default. */
export interface RuleSeverityRef {
  readonly id: string;
  readonly defaultSeverity?: Severity;
}

/** A setting dropped from an untrusted file, as written there. */
export interface IgnoredSetting {
  readonly key: string;
  /** `auto_approve_level = "destructive"`: what the file said. */
  readonly shown: string;
}

const TOOL_SECRETS: ReadonlySet<string> = new Set(TOOL_SECRET_ENV_NAMES);
const SLACK_TRUST_KEYS = [
  "slack_api_url",
  "slack_channel",
  "slack_approvers",
  "slack_approver_groups",
] as const satisfies readonly (keyof FileLayer)[];
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** A tool secret or an action input: passing it to steps hands steps the tool's own powers. */
function isToolOwned(name: string): boolean {
  return TOOL_SECRETS.has(name) || name.toUpperCase().startsWith("INPUT_");
}

/**
 * Splits a layer into what anyone may set and what lowers safety (safety invariant 11): an
 * auto-approve level above `read_only`, `pass_env` naming the tool's secrets, interpreter
 * remaps (`[interpreters]`, `default_shell`), an error-severity rule turned down or off,
 * an MCP approval cap above `modifying`, weaker containment, the audit key's file (a key the file's author knows signs nothing), and
 * the Slack settings that decide where the bot token goes and who may approve.
 * Pure; `[rules]` keys must already be rule ids.
 */
export function splitUnsafeSettings(
  layer: FileLayer,
  rules: readonly RuleSeverityRef[],
): { readonly safe: FileLayer; readonly ignored: readonly IgnoredSetting[] } {
  const ignored: IgnoredSetting[] = [];
  const safe: Record<string, unknown> = { ...layer };
  const drop = (key: keyof FileLayer, shown: string): void => {
    Reflect.deleteProperty(safe, key);
    ignored.push({ key, shown });
  };
  if (layer.auto_approve_level !== undefined && layer.auto_approve_level !== "read_only")
    drop("auto_approve_level", `auto_approve_level = ${JSON.stringify(layer.auto_approve_level)}`);
  // What an MCP client's relayed answer may approve: raising it trusts the client more.
  const mcpLevel = layer.mcp_max_approval_level;
  if (mcpLevel !== undefined && riskRank(mcpLevel) > riskRank("modifying"))
    drop("mcp_max_approval_level", `mcp_max_approval_level = ${JSON.stringify(mcpLevel)}`);
  const secrets = (layer.pass_env ?? []).filter(isToolOwned);
  if (secrets.length > 0) {
    const kept = (layer.pass_env ?? []).filter((name) => !isToolOwned(name));
    drop("pass_env", `pass_env naming ${secrets.map((n) => JSON.stringify(n)).join(", ")}`);
    safe["pass_env"] = kept;
  }
  if (layer.interpreters !== undefined && Object.keys(layer.interpreters).length > 0) {
    const remaps = Object.entries(layer.interpreters).map(
      ([lang, cmd]) => `${JSON.stringify(lang)} = ${JSON.stringify(cmd)}`,
    );
    drop("interpreters", `[interpreters] ${remaps.join(", ")}`);
  }
  if (layer.default_shell !== undefined && layer.default_shell !== "bash")
    drop("default_shell", `default_shell = ${JSON.stringify(layer.default_shell)}`);
  if (layer.containment === "process-group") drop("containment", 'containment = "process-group"');
  if (layer.audit_key_file !== undefined)
    drop("audit_key_file", `audit_key_file = ${JSON.stringify(layer.audit_key_file)}`);
  // Where the Slack bot token is sent, where approval requests go and who may answer them.
  for (const key of SLACK_TRUST_KEYS)
    if (layer[key] !== undefined) drop(key, `${key} = ${JSON.stringify(layer[key])}`);
  if (layer.slack_prevent_self_approval === false)
    drop("slack_prevent_self_approval", "slack_prevent_self_approval = false");
  if (layer.rules !== undefined) {
    const byId = new Map(rules.map((rule) => [rule.id, rule.defaultSeverity]));
    const lowered = Object.entries(layer.rules).filter(([id, severity]) => {
      const base = byId.get(id);
      return base === "error" && (severity === "off" || RANK[severity] < RANK[base]);
    });
    if (lowered.length > 0) {
      const keptRules = Object.fromEntries(
        Object.entries(layer.rules).filter(([id]) => !lowered.some(([low]) => low === id)),
      );
      drop("rules", `[rules] ${lowered.map(([id, s]) => `${id} = "${s}"`).join(", ")}`);
      safe["rules"] = keptRules;
    }
  }
  return { safe: safe as FileLayer, ignored };
}
