import type { AuditRecord, AuditRecordOf, AuditRecordType } from "../../audit/records.js";
import type { BrokenRecord, LogLine, VerifyResult } from "../../audit/verify.js";

/** The run's identity, from `run_start`. Missing fields read as `null`. */
export interface TimelineRun {
  readonly runId: string;
  readonly startedAt: string;
  readonly toolVersion: string | null;
  readonly runbookPath: string | null;
  readonly runbookSha256: string | null;
  readonly incidentId: string | null;
  readonly host: string | null;
  readonly user: string | null;
  readonly mode: string | null;
  readonly ci: {
    readonly repository: string | null;
    readonly runId: string | null;
    readonly actor: string | null;
    readonly event: string | null;
  } | null;
  readonly previousLog: {
    readonly path: string | null;
    readonly runId: string | null;
    readonly head: string | null;
  } | null;
  readonly verified: boolean;
}

/** One answer at a step's gate, as recorded. */
export interface TimelineApproval {
  readonly time: string;
  /** `approved`, `denied` or `timed_out`. */
  readonly decision: string | null;
  readonly channel: string | null;
  readonly approver: string | null;
  readonly detail: string | null;
  /** Channels still asking when this answer won, whose requests were withdrawn. */
  readonly withdrawn: readonly string[];
  readonly line: number;
  readonly verified: boolean;
}

/**
 * One attempt at a step, merged from its records: its gate, its run, its result. A retried
 * step has one entry per attempt, with the operator's answer between them.
 */
export interface TimelineStep {
  readonly kind: "step";
  /** When the step started; else its first answer or skip; the planned time if nothing else. */
  readonly time: string;
  readonly step: number;
  readonly name: string | null;
  readonly risk: string | null;
  readonly riskSource: string | null;
  /** The last answer at the gate: `approved`, `denied`, `timed_out`, or `null` when none. */
  readonly decision: string | null;
  readonly channel: string | null;
  readonly approver: string | null;
  /** Every answer at the gate in this attempt, in order (the last is `decision`). */
  readonly approvals: readonly TimelineApproval[];
  /**
   * `succeeded` / `failed` / `skipped`; `denied` when the attempt stopped at its gate; or
   * `started` / `planned` when the log stops first.
   */
  readonly status: string;
  readonly skipReason: string | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean | null;
  readonly durationMs: number | null;
  readonly output: {
    readonly head: string;
    readonly tail: string;
    readonly stdoutBytes: number | null;
    readonly stderrBytes: number | null;
    readonly truncated: boolean | null;
  } | null;
  /** Lines of the log this entry was built from. */
  readonly lines: readonly number[];
  readonly verified: boolean;
}

export interface TimelineDecision {
  readonly kind: "decision";
  readonly time: string;
  readonly afterStep: number | null;
  readonly action: string | null;
  readonly toStep: number | null;
  readonly skipSteps: readonly number[];
  readonly source: string | null;
  readonly rationale: string | null;
  readonly lines: readonly number[];
  readonly verified: boolean;
}

/** What the operator chose after a failed or denied step, and how the answer came about. */
export interface TimelineOperatorChoice {
  readonly kind: "operator";
  readonly time: string;
  readonly step: number | null;
  /** `failed` or `denied`. */
  readonly problem: string | null;
  readonly detail: string | null;
  /** `retry`, `continue`, `skip` or `abort`. */
  readonly choice: string | null;
  /** `answered`, or why nobody did: `timeout`, `input_ended`, `interrupted`, … */
  readonly how: string | null;
  readonly channel: string | null;
  readonly by: string | null;
  readonly lines: readonly number[];
  readonly verified: boolean;
}

export interface TimelineEnd {
  readonly kind: "end";
  readonly time: string;
  readonly status: string | null;
  readonly durationMs: number | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly counts: Readonly<Record<string, number>>;
  readonly lines: readonly number[];
  readonly verified: boolean;
}

export interface TimelineBreak extends BrokenRecord {
  readonly kind: "broken";
}

export type TimelineEntry =
  TimelineStep | TimelineDecision | TimelineOperatorChoice | TimelineEnd | TimelineBreak;

export interface Timeline {
  readonly run: TimelineRun | null;
  /** In log order; the break sits just before the first record it concerns. */
  readonly entries: readonly TimelineEntry[];
}

/**
 * Builds the timeline `replay` shows from a verification result (pure): every attempt at a
 * step, every answer at its gate, every operator choice and post-step decision, in the order
 * the log holds them.
 */
export function buildTimeline(result: VerifyResult): Timeline {
  let run: TimelineRun | null = null;
  const anchored: { anchor: number; entry: TimelineEntry }[] = [];
  const planned = new Map<number, AuditRecordOf<"step_planned">>();
  const open = new Map<number, LogLine[]>();
  const closeStep = (step: number): void => {
    const lines = open.get(step);
    if (lines === undefined) return;
    open.delete(step);
    const anchor = lines[lines.length - 1]?.line ?? 0;
    anchored.push({ anchor, entry: mergeStep(step, lines, planned.get(step)) });
  };
  for (const entry of result.records) {
    const { record } = entry;
    if (record.type === "run_start") {
      run ??= readRun(record, entry.verified);
      continue;
    }
    if (record.type === "decision") {
      anchored.push({
        anchor: entry.line,
        entry: readDecision(entry.line, record, entry.verified),
      });
      continue;
    }
    if (record.type === "run_end") {
      for (const step of [...open.keys()]) closeStep(step);
      anchored.push({ anchor: entry.line, entry: readEnd(entry.line, record, entry.verified) });
      continue;
    }
    const { step } = record;
    if (record.type === "operator_choice") {
      // The attempt it answers is over (a denial has no result record to close it).
      closeStep(step);
      anchored.push({
        anchor: entry.line,
        entry: readOperatorChoice(entry.line, record, entry.verified),
      });
      continue;
    }
    if (record.type === "step_planned" && !planned.has(step)) planned.set(step, record);
    const lines = open.get(step) ?? [];
    lines.push(entry);
    open.set(step, lines);
    if (record.type === "step_result" || record.type === "step_skipped") closeStep(step);
  }
  for (const step of [...open.keys()]) closeStep(step);
  if (result.broken !== undefined) {
    anchored.push({
      anchor: result.broken.line - 0.5,
      entry: { kind: "broken", ...result.broken },
    });
  }
  anchored.sort((a, b) => a.anchor - b.anchor);
  return { run, entries: anchored.map((item) => item.entry) };
}

function readRun(record: AuditRecordOf<"run_start">, verified: boolean): TimelineRun {
  const { ci, previousLog } = record;
  return {
    runId: record.runId,
    startedAt: record.ts,
    toolVersion: record.toolVersion,
    runbookPath: record.runbook.path,
    runbookSha256: record.runbook.sha256,
    incidentId: record.incidentId,
    host: record.host,
    user: record.user,
    mode: record.mode,
    ci:
      ci === null
        ? null
        : { repository: ci.repository, runId: ci.runId, actor: ci.actor, event: ci.event },
    previousLog:
      previousLog === null
        ? null
        : {
            path: previousLog.path,
            runId: previousLog.runId,
            head: `${previousLog.head.seq}:${previousLog.head.hash}`,
          },
    verified,
  };
}

function mergeStep(
  step: number,
  entries: readonly LogLine[],
  plannedRecord: AuditRecordOf<"step_planned"> | undefined,
): TimelineStep {
  const planned = lastOf(entries, "step_planned") ?? plannedRecord;
  const approvals = entries.flatMap(({ line, record, verified }) =>
    record.type === "approval" ? [readApproval(line, record, verified)] : [],
  );
  const approval = approvals[approvals.length - 1];
  const result = lastOf(entries, "step_result");
  const skipped = lastOf(entries, "step_skipped");
  const started = lastOf(entries, "step_start");
  const status =
    result !== undefined
      ? result.status
      : skipped !== undefined
        ? "skipped"
        : started !== undefined
          ? "started"
          : approval !== undefined && approval.decision !== "approved"
            ? "denied"
            : "planned";
  // When it ran; else when the attempt ended at its gate or was skipped: its first record other
  // than the plan, which is written for every step before step 1.
  const first = entries.find((entry) => entry.record.type !== "step_planned") ?? entries[0];
  return {
    kind: "step",
    time: started?.ts ?? first?.record.ts ?? "",
    step,
    name: planned === undefined ? null : (planned.name ?? planned.text),
    risk: planned?.risk ?? null,
    riskSource: planned?.riskSource ?? null,
    decision: approval?.decision ?? null,
    channel: approval?.channel ?? null,
    approver: approval?.approver ?? null,
    approvals,
    status,
    skipReason: skipped?.reason ?? null,
    exitCode: result === undefined ? null : result.exitCode,
    signal: result === undefined ? null : result.signal,
    timedOut: result === undefined ? null : result.timedOut,
    durationMs: result === undefined ? null : result.durationMs,
    output:
      result === undefined
        ? null
        : {
            head: result.output.head,
            tail: result.output.tail,
            stdoutBytes: result.output.stdoutBytes,
            stderrBytes: result.output.stderrBytes,
            truncated: result.output.truncated,
          },
    lines: entries.map((entry) => entry.line),
    verified: entries.every((entry) => entry.verified),
  };
}

/** The last record of `type` among a step's entries. */
function lastOf<T extends AuditRecordType>(
  entries: readonly LogLine[],
  type: T,
): Extract<AuditRecord, { readonly type: T }> | undefined {
  const isOfType = (record: AuditRecord): record is Extract<AuditRecord, { readonly type: T }> =>
    record.type === type;
  return entries.map((entry) => entry.record).findLast(isOfType);
}

function readApproval(
  line: number,
  record: AuditRecordOf<"approval">,
  verified: boolean,
): TimelineApproval {
  return {
    time: record.ts,
    decision: record.decision,
    channel: record.channel,
    approver: record.approver,
    detail: record.detail,
    withdrawn: record.withdrawn ?? [],
    line,
    verified,
  };
}

function readOperatorChoice(
  line: number,
  record: AuditRecordOf<"operator_choice">,
  verified: boolean,
): TimelineOperatorChoice {
  return {
    kind: "operator",
    time: record.ts,
    step: record.step,
    problem: record.problem,
    detail: record.detail,
    choice: record.choice,
    how: record.how,
    channel: record.channel,
    by: record.by,
    lines: [line],
    verified,
  };
}

function readDecision(
  line: number,
  record: AuditRecordOf<"decision">,
  verified: boolean,
): TimelineDecision {
  return {
    kind: "decision",
    time: record.ts,
    afterStep: record.afterStep,
    action: record.action,
    toStep: record.toStep,
    skipSteps: record.skipSteps,
    source: record.source,
    rationale: record.rationale,
    lines: [line],
    verified,
  };
}

function readEnd(line: number, record: AuditRecordOf<"run_end">, verified: boolean): TimelineEnd {
  return {
    kind: "end",
    time: record.ts,
    status: record.status,
    durationMs: record.durationMs,
    exitCode: record.exitCode,
    signal: record.signal,
    counts: { ...record.counts },
    lines: [line],
    verified,
  };
}
