import path from "node:path";
import type { InterruptedStep, ResumeInfo } from "../audit/resume.js";
import { RunbookExecError } from "../core/errors.js";

/** What a resumed run takes from the old log. */
export interface ResumeSelection {
  /** The steps the old run completed (`ResumeInfo.completed`): not run again. */
  readonly alreadyDone: ReadonlySet<number>;
  /** Completed steps whose scripts changed since (hash differs): they need a new approval. */
  readonly changed: readonly number[];
  /**
   * Steps the old run started and never finished (they may have partly run): the operator
   * decides whether each runs again ({@link RerunChoice}). `changed`: its scripts differ now.
   */
  readonly interrupted: readonly (InterruptedStep & { readonly changed: boolean })[];
}

/** How the choice about an interrupted step was made. */
export type RerunHow = "answered" | "flag" | "timeout" | "input_ended" | "interrupted";

/** Whether an interrupted step runs again, who said so and how; recorded in the new log. */
export interface RerunChoice {
  readonly step: number;
  readonly rerun: boolean;
  readonly how: RerunHow;
  /** Who answered (the OS user), `null` when nobody did or the flag decided. */
  readonly by: string | null;
  /** ISO 8601 time of the choice. */
  readonly at: string;
}

/**
 * Pure: which steps a resumed run treats as done and which of them changed. Refuses a log of
 * another runbook, and a runbook that lost steps the old run completed.
 */
export function resumeSelection(
  info: ResumeInfo,
  runbook: { readonly path: string; readonly stepHashes: ReadonlyMap<number, string> },
  cwd: string,
): ResumeSelection {
  const logged = path.resolve(cwd, info.runbook.path);
  if (logged !== path.resolve(cwd, runbook.path)) {
    throw new RunbookExecError(
      "USAGE",
      `the log is a run of \`${info.runbook.path}\`, not of \`${runbook.path}\`; resume with the runbook the log was written for`,
      { file: info.link.path },
    );
  }
  const changed = new Set<number>();
  for (const done of info.completed) {
    const hash = runbook.stepHashes.get(done.step);
    if (hash === undefined) {
      throw new RunbookExecError(
        "USAGE",
        `step ${done.step} completed in the log but the runbook now has ${runbook.stepHashes.size} steps; run it again without --resume`,
        { file: runbook.path },
      );
    }
    if (hash !== done.stepHash) changed.add(done.step);
  }
  const interrupted = info.interrupted.map((started) => {
    const hash = runbook.stepHashes.get(started.step);
    if (hash === undefined) {
      throw new RunbookExecError(
        "USAGE",
        `step ${started.step} was interrupted in the log but the runbook now has ${runbook.stepHashes.size} steps; run it again without --resume`,
        { file: runbook.path },
      );
    }
    return { ...started, changed: hash !== started.stepHash };
  });
  // Only completed steps: a step denied, failed or skipped before the last completed one still
  // has to run (and pass its gate again).
  const alreadyDone = new Set(info.completed.map((done) => done.step));
  return { alreadyDone, changed: [...changed].sort((a, b) => a - b), interrupted };
}
