import type { RunStartPayload, SkipReason } from "../audit/records.js";
import type { PlannedStep } from "../plan/plan.js";
import type { OpenAudit, RunSummary } from "./ports.js";
import { plannedPayload, skippedPayload } from "./records.js";
import { RUN_EXIT } from "./tally.js";

const SKIP_REASON: Readonly<Record<PlannedStep["disposition"], SkipReason>> = {
  run: "dry_run",
  no_command: "no_command",
  not_selected: "not_selected",
  already_done: "already_done",
};

/**
 * Writes the dry-run audit log: `run_start` (mode `dry-run`), the plan of every step, a
 * `step_skipped` per step, `run_end`. Executes nothing, asks no one, calls no model.
 */
export function recordDryRun(
  request: { readonly steps: readonly PlannedStep[]; readonly runStart: RunStartPayload },
  deps: { readonly openAudit: OpenAudit; readonly now: () => number },
): RunSummary {
  const started = deps.now();
  const audit = deps.openAudit(request.runStart);
  for (const planned of request.steps) audit.append("step_planned", plannedPayload(planned));
  for (const planned of request.steps) {
    const reason = SKIP_REASON[planned.disposition];
    audit.append(
      "step_skipped",
      skippedPayload(planned, reason, reason === "dry_run" ? "dry run" : null),
    );
  }
  const end = {
    status: "succeeded" as const,
    counts: {
      steps: request.steps.length,
      succeeded: 0,
      failed: 0,
      skipped: request.steps.length,
      denied: 0,
    },
    durationMs: Math.round(deps.now() - started),
    exitCode: RUN_EXIT.ok,
    signal: null,
  };
  const head = audit.end(end);
  return { ...end, auditLogPath: audit.path, head };
}
