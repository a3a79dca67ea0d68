import type { ApprovalDecision, RecordedApprovalChannel } from "../core/approval.js";
import type { Reason, RiskLevel, RiskSource } from "../core/risk.js";
import type { ContainmentMode } from "../execute/containment.js";

/** Format version carried by every record as `v`. */
export const AUDIT_FORMAT_VERSION = 1;

/** Every record type, in the order a run usually writes them. */
export const AUDIT_RECORD_TYPES = [
  "run_start",
  "step_planned",
  "approval",
  "step_start",
  "step_result",
  "step_skipped",
  "decision",
  "run_end",
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** A JSON value as it appears in a record (the effective config is stored as one). */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Position of the chain after a record: what the operator sees published after each step. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** Fields the writer adds to every record. `mac` only when a key is configured. */
export interface RecordEnvelope<T extends AuditRecordType> {
  readonly v: typeof AUDIT_FORMAT_VERSION;
  readonly seq: number;
  readonly ts: string;
  readonly runId: string;
  readonly type: T;
  readonly prev: string;
  readonly hash: string;
  readonly mac?: string;
}

/** GitHub Actions context of a run, from the `GITHUB_*` environment. */
export interface CiContext {
  readonly provider: "github-actions";
  readonly repository: string | null;
  readonly runId: string | null;
  readonly runAttempt: string | null;
  readonly actor: string | null;
  readonly event: string | null;
  readonly workflow: string | null;
  readonly ref: string | null;
  readonly sha: string | null;
}

/** The log a resumed run continues from. */
export interface PreviousLogLink {
  readonly path: string;
  readonly runId: string;
  readonly head: AuditHead;
}

export interface RunStartPayload {
  readonly toolVersion: string;
  readonly runbook: { readonly path: string; readonly sha256: string; readonly title: string };
  readonly incidentId: string | null;
  readonly host: string;
  readonly user: string;
  readonly mode: "live" | "dry-run";
  /** The effective configuration, as JSON. */
  readonly config: JsonValue;
  readonly ci: CiContext | null;
  readonly previousLog: PreviousLogLink | null;
  readonly stepCount: number;
  /**
   * How steps are held (safety invariant 10): a PID namespace, or only a process group.
   * Absent in logs written before containment existed.
   */
  readonly containment?: ContainmentMode;
}

/** Which step a record is about. `stepHash` is {@link stepHash} of its commands. */
export interface StepRef {
  readonly step: number;
  readonly stepHash: string;
}

export interface StepPlannedPayload extends StepRef {
  readonly line: number;
  readonly name: string | null;
  readonly section: string;
  readonly text: string;
  readonly risk: RiskLevel;
  readonly riskSource: RiskSource;
  readonly reasons: readonly Reason[];
  readonly needsApproval: boolean;
  /** Parameters the step receives, secret values as `***`; absent when it receives none. */
  readonly parameters?: Readonly<Record<string, string>>;
}

export interface ApprovalPayload extends StepRef {
  readonly decision: ApprovalDecision;
  readonly channel: RecordedApprovalChannel;
  /** Who decided (login, Slack user, …); `null` for `auto` and timeouts. */
  readonly approver: string | null;
  /** Why, for denials: the channel's error, "unknown approver", … */
  readonly detail: string | null;
  /** When the channel decided (ISO 8601); absent for `auto`. */
  readonly decidedAt?: string;
  /** What the channel can show of who answered and where (Slack: user IDs and names, message). */
  readonly evidence?: ApprovalEvidencePayload;
}

/** A channel's proof of an answer, as recorded. */
export interface ApprovalEvidencePayload {
  /** Everyone whose answer counted: the channel's stable ID and the name it showed. */
  readonly approvers: readonly { readonly id: string; readonly name: string }[];
  /** The message that carried the request (Slack: channel ID and `ts`); `null` when none. */
  readonly message: { readonly channel: string; readonly ts: string } | null;
  /** The step hash as the request showed it (Slack shows a 12-hex prefix); `null` when not shown. */
  readonly hashShown: string | null;
  /** Where the deciding answer can be read (GitHub: the comment's URL); absent when none. */
  readonly link?: string;
  /** When the deciding answer was written, by the channel's clock; absent when not known. */
  readonly answeredAt?: string;
}

export type StepStartPayload = StepRef;

/** Head and tail of a step's combined output, redacted then capped. */
export interface OutputExcerpt {
  readonly head: string;
  readonly tail: string;
  readonly stdoutBytes: number;
  readonly stderrBytes: number;
  /** True when head + tail do not hold the whole output. */
  readonly truncated: boolean;
}

export interface StepResultPayload extends StepRef {
  readonly status: "succeeded" | "failed";
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly output: OutputExcerpt;
}

export const SKIP_REASONS = [
  "dry_run",
  "denied",
  "decision",
  "already_done",
  "aborted",
  "not_selected",
  "no_command",
  "operator",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface StepSkippedPayload extends StepRef {
  readonly reason: SkipReason;
  readonly detail: string | null;
}

export const DECISION_ACTIONS = ["continue", "skip_forward", "abort"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface DecisionPayload {
  readonly afterStep: number;
  readonly action: DecisionAction;
  /** Step to continue at for `skip_forward`. */
  readonly toStep: number | null;
  /** Every step `skip_forward` skips (a decision may skip steps that are not contiguous). */
  readonly skipSteps: readonly number[];
  /** `default` = no model configured or reachable; `malformed` = the answer did not validate. */
  readonly source: "llm" | "default" | "malformed";
  readonly rationale: string | null;
}

export const RUN_STATUSES = ["succeeded", "failed", "aborted", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunEndPayload {
  readonly status: RunStatus;
  readonly counts: {
    readonly steps: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly skipped: number;
    readonly denied: number;
  };
  readonly durationMs: number;
  readonly exitCode: number;
  /** `SIGINT` / `SIGTERM` when the run ended on a signal. */
  readonly signal: string | null;
}

/** Type-specific fields of each record type. */
export interface AuditPayloads {
  readonly run_start: RunStartPayload;
  readonly step_planned: StepPlannedPayload;
  readonly approval: ApprovalPayload;
  readonly step_start: StepStartPayload;
  readonly step_result: StepResultPayload;
  readonly step_skipped: StepSkippedPayload;
  readonly decision: DecisionPayload;
  readonly run_end: RunEndPayload;
}

/** One record as written: envelope + payload. */
export type AuditRecordOf<T extends AuditRecordType> = RecordEnvelope<T> & AuditPayloads[T];
export type AuditRecord = { [T in AuditRecordType]: AuditRecordOf<T> }[AuditRecordType];
