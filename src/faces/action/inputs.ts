import { RunbookExecError } from "../../core/errors.js";

/**
 * Every input of `action.yml`, with the default the runner applies. A contract test holds
 * `action.yml` against this list both ways; an empty default means the input has none.
 */
export const ACTION_INPUTS = [
  { name: "command", default: "validate" },
  { name: "runbooks", default: "" },
  { name: "paths", default: "runbooks/**/*.md\ndocs/runbooks/**/*.md" },
  { name: "format", default: "annotations,summary" },
  { name: "sarif-file", default: "runbook-exec.sarif" },
  { name: "fail-on", default: "error" },
  { name: "anthropic-api-key", default: "" },
  { name: "model", default: "" },
  { name: "config", default: "" },
  { name: "github-token", default: "${{ github.token }}" },
  { name: "runbook", default: "" },
  { name: "environments", default: "" },
  { name: "incident-id", default: "" },
  { name: "dry-run", default: "false" },
  { name: "auto-approve", default: "read_only" },
  { name: "allow-unattended-destructive", default: "false" },
  { name: "approval", default: "environment" },
  { name: "environment", default: "" },
  { name: "environment-level", default: "destructive" },
  { name: "plan-hash", default: "" },
  { name: "approvers", default: "" },
  { name: "prevent-self-approval", default: "true" },
  { name: "approval-timeout", default: "" },
  { name: "issue-number", default: "" },
  { name: "slack-channel", default: "" },
  { name: "slack-bot-token", default: "" },
  { name: "slack-approvers", default: "" },
  { name: "timeout", default: "" },
  { name: "vars", default: "" },
  { name: "artifact-name", default: "" },
  { name: "upload-artifact", default: "true" },
  { name: "audit-key", default: "" },
  { name: "runbook-dirs", default: "runbooks/\ndocs/runbooks/" },
  { name: "chatops-permission", default: "write" },
] as const;
export type InputName = (typeof ACTION_INPUTS)[number]["name"];

/** The outputs `command: validate` sets. */
export const VALIDATE_OUTPUTS = [
  "runbooks",
  "steps",
  "errors",
  "warnings",
  "max-risk",
  "needs-approval",
  "sarif-file",
] as const;

/** The outputs `command: plan` sets. */
export const PLAN_OUTPUTS = ["plan-hash", "max-risk", "needs-approval", "environment"] as const;

/** The outputs `command: run` sets. */
export const RUN_OUTPUTS = [
  "status",
  "steps-succeeded",
  "steps-failed",
  "steps-skipped",
  "steps-denied",
  "audit-log",
  "audit-head",
  "artifact-id",
  "artifact-url",
] as const;

/** Every output of `action.yml`; values are always strings. */
export const ACTION_OUTPUTS = [
  ...new Set([...VALIDATE_OUTPUTS, ...PLAN_OUTPUTS, ...RUN_OUTPUTS]),
] as const;
export type OutputName =
  (typeof VALIDATE_OUTPUTS)[number] | (typeof PLAN_OUTPUTS)[number] | (typeof RUN_OUTPUTS)[number];

/** What the action can do; `replay` is reserved. */
export const COMMANDS = ["validate", "plan", "run", "chatops", "replay"] as const;
export type Command = (typeof COMMANDS)[number];

/** What the action writes besides its outputs. */
export const FORMATS = ["annotations", "summary", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

/** Which findings fail the step. */
export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** The action's inputs, checked and typed. */
export interface ActionInputs {
  readonly command: AvailableCommand;
  /** Explicit paths or globs; empty means "the runbooks changed in the pull request". */
  readonly runbooks: readonly string[];
  /** Globs that count as runbooks. */
  readonly paths: readonly string[];
  readonly formats: ReadonlySet<Format>;
  readonly sarifFile: string;
  readonly failOn: FailOn;
  readonly anthropicApiKey: string | undefined;
  readonly model: string | undefined;
  readonly configPath: string | undefined;
  readonly githubToken: string | undefined;
}

/** The commands this version runs. */
export type AvailableCommand = Exclude<Command, "replay">;

/** Reads one input's value: trimmed, its `action.yml` default when unset. */
export type InputValue = (name: InputName) => string;

export function oneOf<T extends string>(name: InputName, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  const expected = allowed.map((candidate) => `\`${candidate}\``).join(", ");
  throw new RunbookExecError(
    "USAGE",
    `Unexpected \`${value}\` for input \`${name}\`, expected one of ${expected}.`,
  );
}

export function list(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function optional(value: string): string | undefined {
  return value === "" ? undefined : value;
}

function readCommand(value: string): AvailableCommand {
  const command = oneOf("command", value, COMMANDS);
  if (command === "replay") {
    throw new RunbookExecError(
      "USAGE",
      `Input \`command: ${command}\` is not available in this version of the action yet; ` +
        "use `command: validate`, `plan`, `run` or `chatops`.",
    );
  }
  return command;
}

/**
 * Read and check every input. `get` returns the raw value (trimmed, `""` when unset); an unset
 * input falls back to its default so the action behaves the same outside the runner.
 * @throws RunbookExecError (`USAGE`) naming the input and the values it accepts.
 */
export function readInputs(get: (name: InputName) => string): ActionInputs {
  const value = inputValue(get);
  const formats = list(value("format"), /[,\n]/).map((f) => oneOf("format", f, FORMATS));
  return {
    command: readCommand(value("command")),
    runbooks: list(value("runbooks"), /\n/),
    paths: list(value("paths"), /\n/),
    formats: new Set(formats),
    sarifFile: value("sarif-file"),
    failOn: oneOf("fail-on", value("fail-on"), FAIL_ON),
    anthropicApiKey: optional(value("anthropic-api-key")),
    model: optional(value("model")),
    configPath: optional(value("config")),
    githubToken: optional(value("github-token")),
  };
}

/** `get` with `action.yml`'s defaults applied (a `${{ … }}` default counts as unset). */
export function inputValue(get: (name: InputName) => string): InputValue {
  return (name) => {
    const raw = get(name).trim();
    if (raw !== "") return raw;
    const fallback = ACTION_INPUTS.find((input) => input.name === name)?.default ?? "";
    return fallback.startsWith("${{") ? "" : fallback;
  };
}
