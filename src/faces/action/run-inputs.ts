import { RunbookExecError } from "../../core/errors.js";
import { RISK_LEVELS, type RiskLevel } from "../../core/risk.js";
import { parseVarFlags } from "../../plan/vars.js";
import { list, oneOf, optional, type InputName, type InputValue } from "./inputs.js";

/** The approval channels the `approval` input may list. */
export const ACTION_APPROVAL_CHANNELS = ["environment", "github", "slack"] as const;
export type ActionApprovalChannel = (typeof ACTION_APPROVAL_CHANNELS)[number];

/** The inputs of `command: plan` and `command: run`, checked and typed. */
export interface RunInputs {
  /** One runbook, relative to the workspace. */
  readonly runbook: string;
  /** Risk level → the environment whose reviewers approve a run reaching it (`environments`). */
  readonly environments: ReadonlyMap<RiskLevel, string>;
  readonly incidentId: string | undefined;
  readonly dryRun: boolean;
  readonly autoApprove: RiskLevel;
  readonly allowUnattendedDestructive: boolean;
  readonly approval: ReadonlySet<ActionApprovalChannel>;
  readonly environment: string | undefined;
  readonly environmentLevel: RiskLevel;
  readonly planHash: string | undefined;
  readonly approvers: readonly string[];
  readonly preventSelfApproval: boolean;
  readonly approvalTimeoutSeconds: number | undefined;
  readonly issueNumber: number | undefined;
  readonly slackChannel: string | undefined;
  readonly slackBotToken: string | undefined;
  readonly slackApprovers: readonly string[];
  readonly timeoutSeconds: number | undefined;
  readonly vars: Readonly<Record<string, string>>;
  readonly artifactName: string | undefined;
  readonly uploadArtifact: boolean;
  readonly auditKey: string | undefined;
}

function usage(message: string): RunbookExecError {
  return new RunbookExecError("USAGE", message);
}

function flag(name: InputName, value: string): boolean {
  return oneOf(name, value, ["true", "false"]) === "true";
}

function positive(name: InputName, value: string): number | undefined {
  if (value === "") return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value)) {
    throw usage(`Input \`${name}\` must be a whole number above 0, got \`${value}\`.`);
  }
  return Number(value);
}

function readEnvironments(value: string): Map<RiskLevel, string> {
  const map = new Map<RiskLevel, string>();
  for (const line of list(value, /\n/)) {
    const match = /^([a-z_]+)\s*=\s*(\S.*)$/.exec(line);
    const level = match?.[1] ?? "";
    if (match === null || !(RISK_LEVELS as readonly string[]).includes(level)) {
      throw usage(
        `Input \`environments\`: \`${line}\` is not \`LEVEL=ENVIRONMENT\` with LEVEL one of ` +
          "`read_only`, `modifying`, `destructive` (e.g. `destructive=production`).",
      );
    }
    map.set(oneOf("environments", level, RISK_LEVELS), (match[2] ?? "").trim());
  }
  return map;
}

function readPlanHash(value: string): string | undefined {
  if (value === "") return undefined;
  if (!/^[0-9a-f]{64}$/.test(value)) {
    throw usage(
      "Input `plan-hash` must be the 64 hex digits the `plan` command printed (its `plan-hash` output).",
    );
  }
  return value;
}

function readVars(value: string): Record<string, string> {
  try {
    return parseVarFlags(list(value, /\n/));
  } catch (error) {
    if (error instanceof RunbookExecError) throw usage(`Input \`vars\`: ${error.message}`);
    throw error;
  }
}

/**
 * The run inputs, for `plan` and `run`.
 * @throws RunbookExecError (`USAGE`) naming the input and what it accepts.
 */
export function readRunInputs(value: InputValue): RunInputs {
  const runbook = value("runbook");
  if (runbook === "") {
    throw usage(
      "Input `runbook` is required for `command: plan` and `command: run`: one path in the workspace.",
    );
  }
  const approval = list(value("approval"), /[,\n]/).map((channel) =>
    oneOf("approval", channel, ACTION_APPROVAL_CHANNELS),
  );
  return {
    runbook,
    environments: readEnvironments(value("environments")),
    incidentId: optional(value("incident-id")),
    dryRun: flag("dry-run", value("dry-run")),
    autoApprove: oneOf("auto-approve", value("auto-approve"), RISK_LEVELS),
    allowUnattendedDestructive: flag(
      "allow-unattended-destructive",
      value("allow-unattended-destructive"),
    ),
    approval: new Set(approval),
    environment: optional(value("environment")),
    environmentLevel: oneOf("environment-level", value("environment-level"), RISK_LEVELS),
    planHash: readPlanHash(value("plan-hash")),
    approvers: list(value("approvers"), /[,\s]+/),
    preventSelfApproval: flag("prevent-self-approval", value("prevent-self-approval")),
    approvalTimeoutSeconds: positive("approval-timeout", value("approval-timeout")),
    issueNumber: positive("issue-number", value("issue-number")),
    slackChannel: optional(value("slack-channel")),
    slackBotToken: optional(value("slack-bot-token")),
    slackApprovers: list(value("slack-approvers"), /[,\s]+/),
    timeoutSeconds: positive("timeout", value("timeout")),
    vars: readVars(value("vars")),
    artifactName: optional(value("artifact-name")),
    uploadArtifact: flag("upload-artifact", value("upload-artifact")),
    auditKey: optional(value("audit-key")),
  };
}

/**
 * `auto-approve: destructive` runs every step unattended, so it needs `dry-run: true` or an
 * explicit `allow-unattended-destructive: true` (then it is shown in bold and recorded).
 * @throws RunbookExecError (`USAGE`) otherwise.
 */
export function checkUnattended(inputs: RunInputs): void {
  if (inputs.autoApprove !== "destructive" || inputs.dryRun || inputs.allowUnattendedDestructive) {
    return;
  }
  throw usage(
    "`auto-approve: destructive` would run destructive steps with nobody approving them; " +
      "use it with `dry-run: true`, or set `allow-unattended-destructive: true` if that is really meant.",
  );
}
