import { containmentFor, containmentWarning } from "../../execute/containment.js";
import { shownRunParameters } from "../../plan/parameters.js";
import { randomBytes } from "node:crypto";
import type { ArtifactUpload } from "../../adapters/github/artifact.js";
import type { CommentFeed } from "../../adapters/github/comment-feed.js";
import { auditOpener, redactorFor, runRequestFor, type ReadyRun } from "../../app/run-setup.js";
import { formatHead } from "../../audit/head.js";
import { RunbookExecError } from "../../core/errors.js";
import type { EnvironmentReviewer } from "../../gate/environment.js";
import type { ApprovalProvider } from "../../gate/types.js";
import { jobLogView } from "../../present/action/job-log-view.js";
import { renderRunSummary, type TimelineRow } from "../../present/action/run-summary.js";
import { recordDryRun } from "../../run/dry-run.js";
import { executeRun } from "../../run/loop.js";
import type { ExecuteStep, RunSummary, RunView, StopSource } from "../../run/ports.js";
import { teeRunView } from "../../run/tee-view.js";
import type { MinimumRole } from "../../core/repository-role.js";
import type { Redactor } from "../../redact/redactor.js";
import { buildRunStart } from "../../run/run-start.js";
import { composeApprovalChannels } from "./channels.js";
import type { ActionInputs, RUN_OUTPUTS } from "./inputs.js";
import { planFromInputs, type ActionPlan } from "./prepare.js";
import type { ActionDeps } from "./ports.js";
import { STATE } from "./state.js";
import { checkUnattended, type RunInputs } from "./run-inputs.js";

type RunOutputs = Record<(typeof RUN_OUTPUTS)[number], string>;

/** How a run ended, as the outputs say it, for a face that reports it elsewhere. */
export interface RunEnd {
  readonly summary: RunSummary;
  /** The `status` output. */
  readonly status: string;
  /** `SEQ:HASH`. */
  readonly auditHead: string;
  readonly upload: ArtifactUpload;
}

/** What a face adds to a run (ChatOps: the status comment, `/abort`, who may approve). */
export interface RunAttachment {
  readonly view: RunView;
  readonly stops: StopSource;
  /** The thread's comments as the face reads them; the comment approvals read the same. */
  readonly comments?: CommentFeed;
  /** The role whose holders answer `approval: github` (its default: `write`). */
  readonly minimumRole: MinimumRole;
  /** After the run and the upload; must not throw. */
  readonly finished: (end: RunEnd) => Promise<void>;
}

/** Called once the runbook is planned, before anything runs or is recorded. */
export type AttachRun = (plan: ActionPlan, redact: Redactor) => Promise<RunAttachment>;

/** The reviewers who approved `environment` in this run, as recorded in `run_start`. */
async function environmentReviewers(
  run: RunInputs,
  deps: ActionDeps,
): Promise<EnvironmentReviewer[]> {
  if (!run.approval.has("environment") || run.environment === undefined) return [];
  const runId = Number(deps.env["GITHUB_RUN_ID"] ?? "");
  if (!Number.isSafeInteger(runId) || runId <= 0) {
    throw new RunbookExecError(
      "USAGE",
      "GITHUB_RUN_ID is not set: run the action inside a workflow.",
    );
  }
  const observedAt = new Date().toISOString();
  return (await deps.run.runApprovals(runId))
    .filter(
      (review) =>
        review.state === "approved" && review.environments.includes(run.environment ?? ""),
    )
    .map((review) => ({
      login: review.login,
      id: review.userId,
      comment: review.comment,
      observedAt,
    }));
}

function checkPlanHash(plan: ActionPlan, run: RunInputs): void {
  if (run.planHash === undefined || run.planHash === plan.planHash) return;
  throw new RunbookExecError(
    "USAGE",
    `The runbook's plan hash is ${plan.planHash}, not the \`plan-hash\` ${run.planHash} that was ` +
      "approved: the runbook changed after it was planned. Nothing ran; plan and approve it again.",
    { file: run.runbook },
  );
}

/** The status output: `denied` when the run stopped at a denial. */
function statusOf(summary: RunSummary): string {
  if (summary.status === "succeeded") return "succeeded";
  if (summary.status === "interrupted") return "aborted";
  return summary.counts.denied > 0 ? "denied" : summary.status;
}

/** Records, per step, what the timeline shows: approval, outcome, duration, exit code. */
class Timeline {
  readonly #rows = new Map<number, { -readonly [K in keyof TimelineRow]: TimelineRow[K] }>();
  current = 0;

  constructor(plan: ActionPlan) {
    for (const step of plan.prepared.steps) {
      this.#rows.set(step.step.index, {
        step,
        outcome: "not run",
        approval: step.needsApproval ? "" : "auto",
        durationMs: undefined,
        exitCode: undefined,
      });
    }
  }

  row(index: number) {
    return this.#rows.get(index);
  }

  markAll(outcome: TimelineRow["outcome"]): void {
    for (const row of this.#rows.values()) row.outcome = outcome;
  }

  rows(): TimelineRow[] {
    return [...this.#rows.values()];
  }

  /** A provider that records each answer in the timeline. */
  recording(provider: ApprovalProvider): ApprovalProvider {
    return {
      channel: provider.channel,
      request: async (request, options) => {
        const outcome = await provider.request(request, options);
        const row = this.row(request.step.index);
        if (row !== undefined) {
          row.approval = `${outcome.channel}: ${outcome.decision}${outcome.approver === undefined ? "" : ` by ${outcome.approver}`}`;
        }
        return outcome;
      },
    };
  }

  /** An executor that records each step's exit code. */
  executing(execute: ExecuteStep): ExecuteStep {
    return async (options) => {
      const result = await execute(options);
      const row = this.row(this.current);
      if (row !== undefined) row.exitCode = result.exitCode ?? undefined;
      return result;
    };
  }
}

/**
 * `command: run`: the runbook through the same engine, audit log and invariants as
 * `runbook-exec run`, with the action's approval channels, then the log uploaded as an
 * artifact and the timeline in the job summary.
 */
export async function runCommand(
  inputs: ActionInputs,
  run: RunInputs,
  deps: ActionDeps,
  attach?: AttachRun,
): Promise<void> {
  const { io } = deps;
  for (const secret of [
    inputs.githubToken,
    run.auditKey,
    run.slackBotToken,
    inputs.anthropicApiKey,
  ]) {
    if (secret !== undefined) io.setSecret(secret);
  }
  checkUnattended(run);
  if (deps.env["RUNNER_ENVIRONMENT"] === "github-hosted" && !run.dryRun) {
    io.annotate({
      kind: "warning",
      title: "runbook-exec on a GitHub-hosted runner",
      message:
        "This live run is on a GitHub-hosted runner; runbooks are meant for self-hosted runners inside your network.",
    });
  }
  const plan = await planFromInputs(inputs, run, deps);
  checkPlanHash(plan, run);
  const reviewers = await environmentReviewers(run, deps);
  const unattendedDestructive = run.autoApprove === "destructive" && !run.dryRun;
  const containment = containmentFor(plan.config.containment);
  const weak = containmentWarning(containment, plan.config.containment);
  if (weak !== undefined && !run.dryRun) io.annotate({ kind: "warning", message: weak });
  const runStart = buildRunStart({
    runbook: {
      path: plan.prepared.runbook.path,
      sha256: plan.prepared.runbook.sha256,
      title: plan.prepared.runbook.title,
    },
    config: plan.config,
    flags: {
      forceLint: false,
      fromStep: 1,
      resume: null,
      parameters: shownRunParameters(
        plan.prepared.parameters.specs,
        plan.prepared.parameters.values,
      ),
    },
    incidentId: run.incidentId,
    mode: run.dryRun ? "dry-run" : "live",
    previousLog: null,
    stepCount: plan.prepared.steps.length,
    env: plan.env,
    containment: containment.mode,
  });
  const action = {
    approval: [...run.approval],
    environment: run.environment ?? null,
    environmentLevel: run.environmentLevel,
    planHash: plan.planHash,
    planHashInput: run.planHash ?? null,
    environmentApprovers: reviewers.map((reviewer) => ({ ...reviewer })),
    autoApprove: run.autoApprove,
    allowUnattendedDestructive: run.allowUnattendedDestructive,
  };
  const config =
    typeof runStart.config === "object" &&
    runStart.config !== null &&
    !Array.isArray(runStart.config)
      ? runStart.config
      : {};
  const ready: ReadyRun = {
    prepared: plan.prepared,
    config: plan.config,
    runStart: { ...runStart, config: { ...config, action } },
    containment,
  };
  if (reviewers.length > 0) {
    io.info(
      `Environment ${run.environment ?? ""} approved by ${reviewers.map((r) => r.login).join(", ")}.`,
    );
  }
  const timeline = new Timeline(plan);
  const redact = redactorFor(
    plan.prepared,
    plan.env,
    [inputs.githubToken, run.slackBotToken].flatMap((s) => (s === undefined ? [] : [s])),
  );
  const attachment = await attach?.(plan, redact);
  const openAudit = auditOpener(plan.config, redact, plan.env);
  const artifactName =
    run.artifactName ??
    `runbook-exec-audit-${deps.env["GITHUB_RUN_ID"] ?? "local"}-${deps.env["GITHUB_RUN_ATTEMPT"] ?? "1"}`;
  const token = randomBytes(16).toString("hex");
  const view = jobLogView(
    (text) => io.writeLog(text),
    redact,
    token,
    (planned, outcome, durationMs) => {
      const row = timeline.row(planned.step.index);
      if (row === undefined) return;
      row.outcome = outcome;
      row.durationMs = durationMs;
    },
  );
  const startedView = {
    ...view,
    runStarted: (info: Parameters<typeof view.runStarted>[0]) => {
      io.saveState(STATE.auditLog, info.auditLogPath);
      io.saveState(STATE.artifactName, artifactName);
      view.runStarted(info);
    },
    stepStarted: (planned: Parameters<typeof view.stepStarted>[0], attempt: number) => {
      timeline.current = planned.step.index;
      view.stepStarted(planned, attempt);
    },
  };
  let summary: RunSummary;
  if (run.dryRun) {
    summary = recordDryRun(
      { steps: plan.prepared.steps, runStart: ready.runStart },
      { openAudit, now: () => performance.now() },
    );
    io.saveState(STATE.auditLog, summary.auditLogPath);
    io.saveState(STATE.artifactName, artifactName);
    timeline.markAll("skipped");
  } else {
    const channels = composeApprovalChannels(run.approval, {
      run,
      environment: {
        environment: run.environment ?? "",
        level: run.environmentLevel,
        reviewers,
        planStepHashes:
          run.planHash === undefined
            ? undefined
            : new Set(plan.prepared.steps.map((s) => s.stepHash)),
      },
      config: plan.config,
      env: deps.env,
      runbook: { title: plan.prepared.runbook.title, path: plan.prepared.shownPath },
      stepCount: plan.prepared.steps.length,
      host: runStart.host,
      redact,
      ports: deps.run,
      ...(attachment === undefined ? {} : { minimumRole: attachment.minimumRole }),
      ...(attachment?.comments === undefined ? {} : { comments: attachment.comments }),
      announce: (message) => io.info(`runbook-exec: ${message}`),
    });
    io.info(channels.banner);
    try {
      summary = await executeRun(runRequestFor(ready, plan.env), {
        openAudit,
        execute: timeline.executing(deps.run.execute),
        approvals: timeline.recording(channels.approvals),
        operator: undefined,
        decisions: deps.run.decisions(plan.env, plan.config),
        view: attachment === undefined ? startedView : teeRunView(startedView, attachment.view),
        signals: deps.run.signals,
        ...(attachment === undefined ? {} : { stops: attachment.stops }),
        now: () => performance.now(),
      });
    } finally {
      await channels.finish();
    }
  }
  const upload = await uploadLog(run, artifactName, summary.auditLogPath, deps);
  const outputs: RunOutputs = {
    status: statusOf(summary),
    "steps-succeeded": String(summary.counts.succeeded),
    "steps-failed": String(summary.counts.failed),
    "steps-skipped": String(summary.counts.skipped),
    "steps-denied": String(summary.counts.denied),
    "audit-log": summary.auditLogPath,
    "audit-head": formatHead(summary.head),
    "artifact-id": upload.kind === "uploaded" ? String(upload.id) : "",
    "artifact-url": upload.kind === "uploaded" ? upload.url : "",
  };
  for (const [name, value] of Object.entries(outputs))
    io.setOutput(name as keyof RunOutputs, value);
  await attachment?.finished({
    summary,
    status: outputs.status,
    auditHead: outputs["audit-head"],
    upload,
  });
  await io.writeSummary(
    renderRunSummary({
      title: plan.prepared.runbook.title,
      runbookPath: plan.prepared.shownPath,
      status: outputs.status,
      dryRun: run.dryRun,
      unattendedDestructive,
      rows: timeline.rows(),
      auditHead: outputs["audit-head"],
      auditLog: summary.auditLogPath,
      artifact: upload.kind === "uploaded" ? { url: upload.url } : { note: upload.message },
      notes: [],
    }),
  );
  if (summary.status !== "succeeded") {
    io.fail(
      `The runbook run ended ${outputs.status} (${summary.counts.failed} failed, ${summary.counts.denied} denied); see the job summary.`,
    );
  }
}

/** Uploads the log unless `upload-artifact: false`; a failure is a warning, never a lost log. */
async function uploadLog(
  run: RunInputs,
  name: string,
  file: string,
  deps: ActionDeps,
): Promise<ArtifactUpload> {
  if (!run.uploadArtifact) {
    return {
      kind: "unsupported",
      message: "upload-artifact is false: the log stays on the runner at the audit-log output.",
    };
  }
  try {
    const upload = await deps.run.uploadArtifact(name, file);
    if (upload.kind === "uploaded") deps.io.saveState(STATE.uploaded, "true");
    else
      deps.io.annotate({
        kind: "warning",
        title: "Audit log not uploaded",
        message: upload.message,
      });
    return upload;
  } catch (error) {
    const message = `Uploading the audit log failed (${error instanceof Error ? error.message : String(error)}); it is at the audit-log output.`;
    deps.io.annotate({ kind: "warning", title: "Audit log not uploaded", message });
    return { kind: "unsupported", message };
  }
}
