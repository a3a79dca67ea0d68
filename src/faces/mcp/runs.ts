import path from "node:path";
import type { McpLiveRun } from "./live-run.js";
import { runResult, type RunResult } from "./run-result.js";
import type { McpContext } from "./context.js";

/** A dry run's result, kept as returned. */
interface FinishedDryRun {
  readonly kind: "dry-run";
  readonly result: RunResult;
}

/**
 * The runs this server process started, for `get_run` and `list_runs`, and the refused answers
 * that could not be tied to any run. Nothing here outlives the process: the audit logs do.
 */
export class RunRegistry {
  readonly #runs = new Map<string, McpLiveRun | FinishedDryRun>();
  readonly #refusals: string[] = [];

  constructor(private readonly context: McpContext) {}

  addLive(run: McpLiveRun): void {
    this.#runs.set(run.runId, run);
  }

  addDryRun(result: RunResult): void {
    this.#runs.set(result.runId, { kind: "dry-run", result });
  }

  live(runId: string): McpLiveRun | undefined {
    const run = this.#runs.get(runId);
    return run === undefined || "kind" in run ? undefined : run;
  }

  /** Live runs still going. */
  get running(): number {
    return [...this.#runs.values()].filter((run) => !("kind" in run) && !run.ended).length;
  }

  /** Resolves once every live run has ended. */
  async settled(): Promise<void> {
    await Promise.all(
      [...this.#runs.values()].map((run) => ("kind" in run ? undefined : run.done)),
    );
  }

  /** The client is gone: every live run's open and later questions end as denied. */
  closeAll(detail: string): void {
    for (const run of this.#runs.values()) if (!("kind" in run)) run.relay.close(detail);
  }

  /** Records an answer refused before it could be tied to a run (also logged for the operator). */
  refuse(detail: string): void {
    this.#refusals.push(detail);
    this.context.log.write(`runbook-exec mcp-server: refused an answer: ${detail}\n`);
  }

  get refusals(): readonly string[] {
    return this.#refusals;
  }

  /** A run's result as it stands; `undefined` for a run this process did not start. */
  async result(runId: string): Promise<RunResult | undefined> {
    const run = this.#runs.get(runId);
    if (run === undefined) return undefined;
    return "kind" in run ? run.result : liveResult(run, this.context);
  }

  /** Every run, newest last. */
  async all(): Promise<RunResult[]> {
    const results = await Promise.all([...this.#runs.keys()].map((id) => this.result(id)));
    return results.filter((result): result is RunResult => result !== undefined);
  }
}

/** A live run's result from its audit log and what the run told the client. */
export async function liveResult(run: McpLiveRun, context: McpContext): Promise<RunResult> {
  const open = run.relay.open;
  const state = run.ended ? "finished" : open === undefined ? "running" : "waiting_for_answer";
  return runResult(
    await run.auditLogPath,
    {
      runId: run.runId,
      mode: "live",
      runbook: path.relative(context.root, run.runbookPath),
      state,
      pendingQuestion:
        open === undefined
          ? null
          : { kind: open.binding.kind, step: open.binding.step, stepHash: open.binding.stepHash },
      details: run.details,
      notices: run.notices,
      refusedAnswers: run.refusals,
    },
    context,
  );
}
