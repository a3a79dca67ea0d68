import { z } from "zod";
import {
  APPROVAL_CHANNELS,
  APPROVAL_DECISIONS,
  RECORDED_APPROVAL_CHANNELS,
} from "../core/approval.js";
import { OPERATOR_ANSWER_KINDS, OPERATOR_CHOICES } from "../core/operator.js";
import { RISK_LEVELS, RISK_SOURCES } from "../core/risk.js";
import { CONTAINMENT_MODES } from "../execute/containment.js";

// The audit log format v1 (README, "Record format"), declared once as zod schemas: the writer
// checks every record against them before it writes it, the reader checks every line, and the
// record types below are inferred from them, so the format, the writer and the reader cannot
// drift apart. Objects are strict: the writer refuses a field the format does not declare; the
// reader passes over one (a later v1 writer may add fields), see `checkRecord`.

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
  "operator_choice",
  "run_end",
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** A JSON value as it appears in a record (the effective config is stored as one). */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const HEX64 = /^[0-9a-f]{64}$/;

/** A check whose every failure reads as one problem in words. */
const problem = (message: string): { readonly error: string } => ({ error: message });

/**
 * The fields every record has, each with its problem in words. `prev` and `hash` are checked
 * as strings only: the chain compares both against computed hex digests, which no other string
 * equals. The reader checks these before anything else; the payload after the chain and mac.
 */
export const ENVELOPE_FIELDS = {
  v: z.literal(AUDIT_FORMAT_VERSION, problem("`v` is not 1")),
  seq: z
    .int(problem("`seq` is not a positive integer"))
    .min(1, problem("`seq` is not a positive integer")),
  ts: z.string(problem("`ts` is missing")),
  runId: z.string(problem("`runId` is missing")),
  type: z.enum(AUDIT_RECORD_TYPES, problem("`type` is not a known record type")),
  prev: z.string(problem("`prev` is missing")),
  hash: z.string(problem("`hash` is missing")),
  mac: z
    .string(problem("`mac` is not 64 hex digits"))
    .regex(HEX64, problem("`mac` is not 64 hex digits"))
    .optional(),
};

/** Fields the writer adds to every record. `mac` only when a key is configured. */
export type RecordEnvelope<T extends AuditRecordType> = Readonly<
  Omit<z.output<z.ZodObject<typeof ENVELOPE_FIELDS>>, "type"> & { type: T }
>;

const JSON_VALUE: z.ZodType<JsonValue> = z.json();
const STEP_NUMBER = z.int().min(1);
const COUNT = z.int().min(0);
const DURATION_MS = z.number().min(0);
const list = <T extends z.ZodType>(item: T): z.ZodReadonly<z.ZodArray<T>> =>
  z.array(item).readonly();

/** Position of the chain after a record: what the operator sees published after each step. */
const AUDIT_HEAD = z.strictObject({ seq: z.int().min(1), hash: z.string() });
export type AuditHead = Readonly<z.output<typeof AUDIT_HEAD>>;

/** GitHub Actions context of a run, from the `GITHUB_*` environment. */
const CI_CONTEXT = z.strictObject({
  provider: z.literal("github-actions"),
  repository: z.string().nullable(),
  runId: z.string().nullable(),
  runAttempt: z.string().nullable(),
  actor: z.string().nullable(),
  event: z.string().nullable(),
  workflow: z.string().nullable(),
  ref: z.string().nullable(),
  sha: z.string().nullable(),
});
export type CiContext = Readonly<z.output<typeof CI_CONTEXT>>;

/** The log a resumed run continues from. */
const PREVIOUS_LOG_LINK = z.strictObject({ path: z.string(), runId: z.string(), head: AUDIT_HEAD });
export type PreviousLogLink = Readonly<z.output<typeof PREVIOUS_LOG_LINK>>;

const RUN_START = z.strictObject({
  toolVersion: z.string(),
  runbook: z.strictObject({ path: z.string(), sha256: z.string(), title: z.string() }),
  incidentId: z.string().nullable(),
  host: z.string(),
  user: z.string(),
  mode: z.enum(["live", "dry-run"]),
  /** The effective configuration, as JSON. */
  config: JSON_VALUE,
  ci: CI_CONTEXT.nullable(),
  previousLog: PREVIOUS_LOG_LINK.nullable(),
  stepCount: COUNT,
  /**
   * How steps are held (safety invariant 10): a PID namespace, or only a process group.
   * Absent in logs written before containment existed.
   */
  containment: z.enum(CONTAINMENT_MODES).optional(),
});
export type RunStartPayload = Readonly<z.output<typeof RUN_START>>;

/** Which step a record is about. `stepHash` is {@link stepHash} of its commands. */
const STEP_REF = { step: STEP_NUMBER, stepHash: z.string() };

const REASON = z.strictObject({ ruleId: z.string(), message: z.string() });

const STEP_PLANNED = z.strictObject({
  ...STEP_REF,
  line: z.int().min(1),
  name: z.string().nullable(),
  section: z.string(),
  text: z.string(),
  risk: z.enum(RISK_LEVELS),
  riskSource: z.enum(RISK_SOURCES),
  reasons: list(REASON),
  needsApproval: z.boolean(),
  /** Parameters the step receives, secret values as `***`; absent when it receives none. */
  parameters: z.record(z.string(), z.string()).readonly().optional(),
});
export type StepPlannedPayload = Readonly<z.output<typeof STEP_PLANNED>>;

/** A channel's proof of an answer, as recorded. */
const APPROVAL_EVIDENCE = z.strictObject({
  /** Everyone whose answer counted: the channel's stable ID and the name it showed. */
  approvers: list(z.strictObject({ id: z.string(), name: z.string() })),
  /** The message that carried the request (Slack: channel ID and `ts`); `null` when none. */
  message: z.strictObject({ channel: z.string(), ts: z.string() }).nullable(),
  /** The step hash as the request showed it (Slack shows a 12-hex prefix); `null` when not shown. */
  hashShown: z.string().nullable(),
  /** Where the deciding answer can be read (GitHub: the comment's URL); absent when none. */
  link: z.string().optional(),
  /** When the deciding answer was written, by the channel's clock; absent when not known. */
  answeredAt: z.string().optional(),
});
export type ApprovalEvidencePayload = Readonly<z.output<typeof APPROVAL_EVIDENCE>>;

const APPROVAL = z.strictObject({
  ...STEP_REF,
  decision: z.enum(APPROVAL_DECISIONS),
  channel: z.enum(RECORDED_APPROVAL_CHANNELS),
  /** Who decided (login, Slack user, …); `null` for `auto` and timeouts. */
  approver: z.string().nullable(),
  /** Why, for denials: the channel's error, "unknown approver", … */
  detail: z.string().nullable(),
  /** When the channel decided (ISO 8601); absent for `auto`. */
  decidedAt: z.string().optional(),
  /** What the channel can show of who answered and where (Slack: user IDs and names, message). */
  evidence: APPROVAL_EVIDENCE.optional(),
  /** Channels still asking when this answer won, whose requests were withdrawn (invariant 14). */
  withdrawn: list(z.enum(RECORDED_APPROVAL_CHANNELS)).optional(),
});
export type ApprovalPayload = Readonly<z.output<typeof APPROVAL>>;

const STEP_START = z.strictObject(STEP_REF);
export type StepStartPayload = Readonly<z.output<typeof STEP_START>>;

/** Head and tail of a step's combined output, redacted then capped. */
const OUTPUT_EXCERPT = z.strictObject({
  head: z.string(),
  tail: z.string(),
  stdoutBytes: COUNT,
  stderrBytes: COUNT,
  /** True when head + tail do not hold the whole output. */
  truncated: z.boolean(),
});
export type OutputExcerpt = Readonly<z.output<typeof OUTPUT_EXCERPT>>;

const STEP_RESULT = z.strictObject({
  ...STEP_REF,
  status: z.enum(["succeeded", "failed"]),
  exitCode: z.int().nullable(),
  signal: z.string().nullable(),
  timedOut: z.boolean(),
  durationMs: DURATION_MS,
  output: OUTPUT_EXCERPT,
});
export type StepResultPayload = Readonly<z.output<typeof STEP_RESULT>>;

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

const STEP_SKIPPED = z.strictObject({
  ...STEP_REF,
  reason: z.enum(SKIP_REASONS),
  detail: z.string().nullable(),
});
export type StepSkippedPayload = Readonly<z.output<typeof STEP_SKIPPED>>;

export const DECISION_ACTIONS = ["continue", "skip_forward", "abort"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

const DECISION = z.strictObject({
  afterStep: STEP_NUMBER,
  action: z.enum(DECISION_ACTIONS),
  /** Step to continue at for `skip_forward`. */
  toStep: STEP_NUMBER.nullable(),
  /** Every step `skip_forward` skips (a decision may skip steps that are not contiguous). */
  skipSteps: list(STEP_NUMBER),
  /** `default` = no model configured or reachable; `malformed` = the answer did not validate. */
  source: z.enum(["llm", "default", "malformed"]),
  rationale: z.string().nullable(),
});
export type DecisionPayload = Readonly<z.output<typeof DECISION>>;

/**
 * What the operator chose after a failed or denied step (retry, continue, skip, abort), where,
 * by whom, and how: `answered`, or nobody did (`timeout`, `input_ended`, `interrupted`,
 * `channel_error`, `conflict`, `no_operator`), which always means abort.
 */
const OPERATOR_CHOICE = z.strictObject({
  ...STEP_REF,
  problem: z.enum(["failed", "denied"]),
  /** What went wrong with the step, as the question showed it. */
  detail: z.string(),
  choice: z.enum(OPERATOR_CHOICES),
  how: z.enum([...OPERATOR_ANSWER_KINDS, "no_operator"]),
  /** `null` when there was nobody to ask. */
  channel: z.enum(APPROVAL_CHANNELS).nullable(),
  by: z.string().nullable(),
});
export type OperatorChoicePayload = Readonly<z.output<typeof OPERATOR_CHOICE>>;

export const RUN_STATUSES = ["succeeded", "failed", "aborted", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const RUN_END = z.strictObject({
  status: z.enum(RUN_STATUSES),
  counts: z.strictObject({
    steps: COUNT,
    succeeded: COUNT,
    failed: COUNT,
    skipped: COUNT,
    denied: COUNT,
  }),
  durationMs: DURATION_MS,
  exitCode: z.int(),
  /** `SIGINT` / `SIGTERM` when the run ended on a signal. */
  signal: z.string().nullable(),
});
export type RunEndPayload = Readonly<z.output<typeof RUN_END>>;

/** The type-specific fields of each record type. */
export const PAYLOAD_SCHEMAS = {
  run_start: RUN_START,
  step_planned: STEP_PLANNED,
  approval: APPROVAL,
  step_start: STEP_START,
  step_result: STEP_RESULT,
  step_skipped: STEP_SKIPPED,
  decision: DECISION,
  operator_choice: OPERATOR_CHOICE,
  run_end: RUN_END,
} as const satisfies { readonly [T in AuditRecordType]: z.ZodObject };

/** Type-specific fields of each record type. */
export type AuditPayloads = {
  readonly [T in AuditRecordType]: Readonly<z.output<(typeof PAYLOAD_SCHEMAS)[T]>>;
};

/** One record as written: envelope + payload. */
export type AuditRecordOf<T extends AuditRecordType> = RecordEnvelope<T> & AuditPayloads[T];
export type AuditRecord = { [T in AuditRecordType]: AuditRecordOf<T> }[AuditRecordType];

/** The whole record of each type, envelope and payload, with no other field. */
const RECORD_SCHEMAS: { readonly [T in AuditRecordType]: z.ZodObject } = {
  run_start: wholeRecord("run_start"),
  step_planned: wholeRecord("step_planned"),
  approval: wholeRecord("approval"),
  step_start: wholeRecord("step_start"),
  step_result: wholeRecord("step_result"),
  step_skipped: wholeRecord("step_skipped"),
  decision: wholeRecord("decision"),
  operator_choice: wholeRecord("operator_choice"),
  run_end: wholeRecord("run_end"),
};

/** The schema of a whole record of type `type`: envelope and payload, with no other field. */
export function recordSchema(type: AuditRecordType): z.ZodObject {
  return RECORD_SCHEMAS[type];
}

function wholeRecord(type: AuditRecordType): z.ZodObject {
  return z.strictObject({
    ...ENVELOPE_FIELDS,
    ...PAYLOAD_SCHEMAS[type].shape,
    type: z.literal(type),
  });
}
