import { RunbookExecError } from "../core/errors.js";
import type { PreviousLogLink } from "./records.js";
import { verifyAuditLog } from "./read-log.js";
import type { VerifyOptions, VerifyResult } from "./verify.js";

/**
 * A step the previous run completed: it ran and succeeded, or it was `already_done` there
 * because a run before that completed it. Nothing else counts: a step that was denied, timed
 * out at its gate, failed, was skipped by a decision or not selected did not complete.
 */
export interface CompletedStep {
  readonly step: number;
  readonly stepHash: string;
  readonly outcome: "succeeded" | "already_done";
}

/**
 * A step the previous run started and never finished: its last `step_start` has no
 * `step_result` after it (the runner was killed mid-step). It may have partly run.
 */
export interface InterruptedStep {
  readonly step: number;
  /** The hash of what was started. */
  readonly stepHash: string;
  /** When it started (the `step_start` record's `ts`). */
  readonly startedAt: string;
  /** The line of that `step_start` in the old log. */
  readonly line: number;
}

/** What `run --resume LOG` needs from the old log. */
export interface ResumeInfo {
  /** Goes into the new log's `run_start.previousLog`. */
  readonly link: PreviousLogLink;
  readonly runbook: { readonly path: string; readonly sha256: string };
  /** Completed steps in log order; the resumed run runs every other step. */
  readonly completed: readonly CompletedStep[];
  /** Steps started and never finished, in log order: a resumed run asks before running them again. */
  readonly interrupted: readonly InterruptedStep[];
  /** True when the old log lacks `run_end` or ends in a torn line (the run crashed). */
  readonly crashed: boolean;
}

/**
 * Reads what a resumed run needs from a verified log. Only verified records count. A tampered
 * log is refused: resuming would trust records nobody can vouch for.
 */
export function resumeInfoFrom(path: string, result: VerifyResult): ResumeInfo {
  if (result.status === "tampered" || result.head === undefined || result.runId === undefined) {
    const where =
      result.broken === undefined ? "" : ` at line ${result.broken.line}: ${result.broken.message}`;
    throw new RunbookExecError(
      "AUDIT_LOG_BROKEN",
      `cannot resume from a log that does not verify${where}; run \`runbook-exec replay\` on it`,
      result.broken === undefined ? { file: path } : { file: path, line: result.broken.line },
    );
  }
  const first = result.records[0]?.record;
  const runbook = first?.type === "run_start" ? first.runbook : undefined;
  const completed: CompletedStep[] = [];
  const running = new Map<number, InterruptedStep>();
  for (const { line, record, verified } of result.records) {
    if (!verified) continue;
    if (record.type === "step_start") {
      const { step, stepHash } = record;
      running.set(step, { step, stepHash, startedAt: record.ts, line });
    }
    if (record.type === "step_result") running.delete(record.step);
    if (record.type === "step_result" && record.status === "succeeded") {
      completed.push({ step: record.step, stepHash: record.stepHash, outcome: "succeeded" });
    }
    if (record.type === "step_skipped" && record.reason === "already_done") {
      completed.push({ step: record.step, stepHash: record.stepHash, outcome: "already_done" });
    }
  }
  return {
    link: { path, runId: result.runId, head: result.head },
    runbook: { path: runbook?.path ?? "", sha256: runbook?.sha256 ?? "" },
    completed,
    interrupted: [...running.values()].sort((a, b) => a.line - b.line),
    crashed: result.status === "incomplete",
  };
}

/** Verifies `path` and returns {@link resumeInfoFrom} it. */
export async function readResumeInfo(
  path: string,
  options: VerifyOptions = {},
): Promise<ResumeInfo> {
  return resumeInfoFrom(path, await verifyAuditLog(path, options));
}
