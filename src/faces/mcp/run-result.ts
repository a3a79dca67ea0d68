import type { z } from "zod";
import { formatHead } from "../../audit/head.js";
import { verifyAuditLog } from "../../audit/read-log.js";
import { readAuditKey } from "../../config/audit-key.js";
import type { Config } from "../../config/types.js";
import type { Env } from "../../core/io.js";
import { RunbookExecError } from "../../core/errors.js";
import {
  buildTimeline,
  type TimelineEnd,
  type TimelineStep,
} from "../../present/replay/timeline.js";
import type { RUN_OUTPUT } from "./schemas.js";

/** A run's result as `execute_runbook` and `get_run` return it. */
export type RunResult = z.infer<typeof RUN_OUTPUT>;

/** What the audit log cannot say about a run: where it stands and what it told people. */
export interface RunFacts {
  /** `""`: the id the log's `run_start` names (a dry run's). */
  readonly runId: string;
  readonly mode: "live" | "dry-run";
  readonly runbook: string;
  readonly state: RunResult["state"];
  readonly pendingQuestion: RunResult["pendingQuestion"];
  readonly details: ReadonlyMap<number, string>;
  readonly notices: readonly string[];
  readonly refusedAnswers: readonly string[];
}

/**
 * The run's result read back from its own audit log, so every step's status, exit code,
 * duration, approval and output excerpt is exactly what was recorded (redacted, capped).
 */
export async function runResult(
  logPath: string,
  facts: RunFacts,
  settings: { readonly config: Config; readonly env: Env },
): Promise<RunResult> {
  let verified: RunResult["auditLog"]["verified"] = "unreadable";
  let steps: RunResult["steps"] = [];
  let end: TimelineEnd | undefined;
  let head: string | null = null;
  let loggedRunId: string | undefined;
  try {
    const result = await verifyAuditLog(logPath, {
      key: readAuditKey(settings.config, settings.env),
    });
    verified = result.status;
    loggedRunId = result.runId;
    head = result.head === undefined ? null : formatHead(result.head);
    const timeline = buildTimeline(result);
    steps = mergedSteps(timeline.entries.filter((entry) => entry.kind === "step")).map((entry) =>
      stepResult(entry, facts.details.get(entry.step) ?? null),
    );
    end = timeline.entries.find((entry): entry is TimelineEnd => entry.kind === "end");
  } catch (error) {
    if (!(error instanceof RunbookExecError)) throw error;
  }
  return {
    runId: facts.runId === "" ? (loggedRunId ?? "") : facts.runId,
    mode: facts.mode,
    runbook: facts.runbook,
    state: facts.state,
    status: end?.status ?? null,
    exitCode: end?.exitCode ?? null,
    durationMs: end?.durationMs ?? null,
    pendingQuestion: facts.pendingQuestion,
    steps,
    auditLog: { path: logPath, head, verified },
    notices: [...facts.notices],
    refusedAnswers: [...facts.refusedAnswers],
  };
}

function stepResult(entry: TimelineStep, detail: string | null): RunResult["steps"][number] {
  return {
    index: entry.step,
    name: entry.name,
    risk: entry.risk,
    approval:
      entry.decision === null
        ? null
        : { decision: entry.decision, channel: entry.channel, approver: entry.approver },
    status:
      entry.status !== "skipped" && (entry.decision === "denied" || entry.decision === "timed_out")
        ? "denied"
        : entry.status,
    detail,
    exitCode: entry.exitCode,
    signal: entry.signal,
    timedOut: entry.timedOut,
    durationMs: entry.durationMs,
    output:
      entry.output === null
        ? null
        : {
            head: entry.output.head,
            tail: entry.output.tail,
            truncated: entry.output.truncated ?? false,
          },
  };
}

/**
 * One entry per step: a retried, denied-then-skipped or failed-then-skipped step has several in
 * the timeline. The last says how it ended; the approval and the execution are the latest seen.
 */
function mergedSteps(entries: readonly TimelineStep[]): TimelineStep[] {
  const byStep = new Map<number, TimelineStep>();
  for (const entry of entries) {
    const before = byStep.get(entry.step);
    if (before === undefined) {
      byStep.set(entry.step, entry);
      continue;
    }
    const ran = entry.durationMs === null ? before : entry;
    const decided = entry.decision === null ? before : entry;
    byStep.set(entry.step, {
      ...entry,
      decision: decided.decision,
      channel: decided.channel,
      approver: decided.approver,
      exitCode: ran.exitCode,
      signal: ran.signal,
      timedOut: ran.timedOut,
      durationMs: ran.durationMs,
      output: ran.output,
    });
  }
  return [...byStep.values()];
}
