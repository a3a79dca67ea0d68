import type { Env } from "../core/io.js";
import { userInfo } from "node:os";
import { hostname } from "node:os";
import type { CiContext, JsonValue, PreviousLogLink, RunStartPayload } from "../audit/records.js";

import type { Config } from "../config/types.js";
import { VERSION } from "../core/version.js";
import type { ContainmentMode } from "../execute/containment.js";

/** Run options that are not configuration keys but shape what runs; recorded in `run_start`. */
export interface RunFlags {
  readonly forceLint: boolean;
  readonly fromStep: number;
  readonly resume: string | null;
  /** Parameters passed to the steps (defaults, `--var`, answers), secret values as `***`. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** Inputs of {@link buildRunStart}. */
export interface RunStartInput {
  readonly runbook: { readonly path: string; readonly sha256: string; readonly title: string };
  readonly config: Config;
  readonly flags: RunFlags;
  readonly incidentId: string | undefined;
  readonly mode: "live" | "dry-run";
  readonly previousLog: PreviousLogLink | null;
  readonly stepCount: number;
  readonly env: Env;
  /** The containment steps run under (probed once at startup). */
  readonly containment: ContainmentMode;
}

/**
 * The `run_start` payload: who ran what, where, with which effective configuration (including
 * the auto-approve level, so `--auto-approve destructive` is on record) and which run flags.
 */
export function buildRunStart(input: RunStartInput): RunStartPayload {
  return {
    toolVersion: VERSION,
    runbook: input.runbook,
    incidentId: input.incidentId ?? null,
    host: hostname(),
    user: osUser(),
    mode: input.mode,
    config: { ...toJson(input.config), run: toJson(input.flags) },
    ci: ciContext(input.env),
    previousLog: input.previousLog,
    stepCount: input.stepCount,
    containment: input.containment,
  };
}

/** GitHub Actions context from the runner's `GITHUB_*` variables, or `null` outside Actions. */
export function ciContext(env: Env): CiContext | null {
  if (env["GITHUB_ACTIONS"] !== "true") return null;
  const get = (name: string): string | null => env[name] ?? null;
  return {
    provider: "github-actions",
    repository: get("GITHUB_REPOSITORY"),
    runId: get("GITHUB_RUN_ID"),
    runAttempt: get("GITHUB_RUN_ATTEMPT"),
    actor: get("GITHUB_ACTOR"),
    event: get("GITHUB_EVENT_NAME"),
    workflow: get("GITHUB_WORKFLOW"),
    ref: get("GITHUB_REF"),
    sha: get("GITHUB_SHA"),
  };
}

/** A plain-data object as JSON: `undefined` becomes `null`, so every key is on record. */
function toJson(value: object): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) out[key] = jsonValue(item);
  return out;
}

function jsonValue(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === "object") return toJson(value);
  return String(value);
}

/** The OS user name; a numeric id when the user has no passwd entry (some containers). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? "unknown"}`;
  }
}
