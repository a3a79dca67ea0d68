import type { ApprovalOutcome } from "../gate/types.js";
import type { RunStartPayload, SkipReason } from "../audit/records.js";
import type { Containment } from "../execute/containment.js";
import type { StepResult } from "../execute/types.js";
import { applyDecision, continueOnError, decisionInput, decisionPayload } from "./decide.js";
import { approvalRequestFor, askApproval } from "../gate/ask.js";
import type { PlannedStep } from "../plan/plan.js";
import type { AuditSink, RunDependencies, RunSignal, RunSummary, StepProblem } from "./ports.js";
import {
  approvalPayload,
  autoApprovalPayload,
  plannedPayload,
  resultPayload,
  skippedPayload,
} from "./records.js";
import { Tally } from "./tally.js";
import { unlessAborted } from "../core/abortable.js";
import { describeFailure } from "../execute/describe-failure.js";
import { parameterEnv } from "../plan/parameters.js";
import type { OperatorChoicePayload } from "../audit/records.js";
import { denialDetail, operatorStopReason, rerunDetail } from "./words.js";
import type { RerunChoice } from "../plan/resume.js";

/** Everything a live run needs besides its collaborators. */
export interface RunRequest {
  /**
   * `deps.now()` when the command started (before classification), so the summary's and
   * `run_end`'s duration is the wall time the operator waited; default: when the loop starts.
   */
  readonly startedAt?: number;
  readonly runbookTitle: string;
  /** The runbook as approvers are shown it: never the host's absolute path (`run_start` has that). */
  readonly runbookPath: string;
  readonly steps: readonly PlannedStep[];
  readonly runStart: RunStartPayload;
  /** Working directory of every step. */
  readonly cwd: string;
  /** The child environment (built with `buildChildEnv`); each step adds its own parameters. */
  readonly env: Readonly<Record<string, string>>;
  readonly approvalTimeoutMs: number;
  /** Retries allowed per step after a failure or a denial. */
  readonly maxRetries: number;
  /** Resumed run: steps done in the old log whose hash changed; each must be re-approved first. */
  readonly changedDone: readonly PlannedStep[];
  /**
   * Resumed run: steps the old run left half-done and whether each runs again, recorded first
   * as an `approval` on channel `resume`; one not run again stops the run before anything runs.
   */
  readonly interrupted?: readonly InterruptedRerun[];
  /** How every step is contained; default: what the host allows. */
  readonly containment?: Containment;
}

/** A step the resumed run left half-done, and the choice whether it runs again. */
export interface InterruptedRerun {
  readonly planned: PlannedStep;
  readonly choice: RerunChoice;
  /** Where and when it started, e.g. `started at … in LOG (line 9) and has no result`. */
  readonly where: string;
}

/** How one attempt at a step ended. */
type Attempt =
  | { readonly kind: "succeeded"; readonly result: StepResult }
  /** `durationMs` is 0 for a denial: nothing ran. */
  | { readonly kind: StepProblem; readonly detail: string; readonly durationMs: number }
  /** `result`: the step had started (it counts as failed); absent when stopped at the gate. */
  | { readonly kind: "interrupted"; readonly result?: StepResult };

/**
 * The live run: for each step, in order, gate → execute → record → decide, with the operator
 * asked after a failure or a denial. Writes `run_start` first and `run_end` on every path that
 * returns or throws (safety invariant 6); SIGINT/SIGTERM cancel the running step's process
 * group and end the run with 128 + the signal's number.
 */
export async function executeRun(request: RunRequest, deps: RunDependencies): Promise<RunSummary> {
  const started = request.startedAt ?? deps.now();
  const audit = deps.openAudit(request.runStart);
  const run = new LiveRun(request, deps, audit);
  const unsubscribe = deps.signals((signal) => run.interrupt(signal));
  const unsubscribeStops = deps.stops?.((reason) => run.stop(reason));
  try {
    await run.steps();
  } catch (error) {
    run.tally.aborted = true;
    audit.end(run.tally.end(Math.round(deps.now() - started)));
    throw error;
  } finally {
    unsubscribe();
    unsubscribeStops?.();
  }
  const end = run.tally.end(Math.round(deps.now() - started));
  const head = audit.end(end);
  const summary: RunSummary = { ...end, auditLogPath: audit.path, head };
  deps.view.runFinished(summary);
  return summary;
}

class LiveRun {
  readonly tally: Tally;
  readonly #controller = new AbortController();
  readonly #decisionSkips = new Set<number>();
  /** Why the run stopped early, once it has: recorded on every step that did not run. */
  #stopReason: string | undefined;

  constructor(
    private readonly request: RunRequest,
    private readonly deps: RunDependencies,
    private readonly audit: AuditSink,
  ) {
    this.tally = new Tally(request.steps.length);
  }

  interrupt(signal: RunSignal): void {
    if (this.tally.signal !== undefined) return;
    this.tally.signal = signal;
    this.#stopReason ??= `${signal} received`;
    this.deps.view.notice(`${signal} received: stopping the run`);
    this.#controller.abort(new Error(`${signal} received`));
  }

  /**
   * Stops the run from outside (a ChatOps `/abort`): like a signal it cancels the running step's
   * process group or the approval being asked, but the run ends `aborted`, not interrupted.
   */
  stop(reason: string): void {
    if (this.#controller.signal.aborted) return;
    this.#abort(reason);
    this.deps.view.notice(`${reason}: stopping the run`);
    this.#controller.abort(new Error(reason));
  }

  get #stopped(): boolean {
    return this.#stopReason !== undefined;
  }

  /** Stops the run on purpose (operator, decision, refused re-approval): exit 1, status aborted. */
  #abort(reason: string): void {
    this.tally.aborted = true;
    this.#stopReason ??= reason;
  }

  async steps(): Promise<void> {
    const { view } = this.deps;
    view.runStarted({ auditLogPath: this.audit.path, steps: this.request.steps });
    for (const planned of this.request.steps)
      this.audit.append("step_planned", plannedPayload(planned));
    this.#recordInterrupted();
    await this.#reapproveChanged();
    for (const planned of this.request.steps) {
      const skip = this.#skipReason(planned);
      if (skip !== undefined) {
        // A skipped step adds one record and nothing to check: its head would be noise
        // (six lines for six skips); the summary carries the final head.
        this.#skip(planned, skip.reason, skip.detail);
        continue;
      }
      await this.#runStep(planned);
      view.head(this.audit.head());
    }
  }

  #skipReason(planned: PlannedStep): { reason: SkipReason; detail: string | null } | undefined {
    if (this.#stopReason !== undefined) return { reason: "aborted", detail: this.#stopReason };
    if (this.#decisionSkips.has(planned.step.index))
      return { reason: "decision", detail: "skipped by the post-step decision" };
    switch (planned.disposition) {
      case "run":
        return undefined;
      case "no_command":
        return { reason: "no_command", detail: "the step has no executable command" };
      case "not_selected":
        return { reason: "not_selected", detail: "before --from-step" };
      case "already_done":
        return { reason: "already_done", detail: "completed in the resumed log" };
    }
  }

  #skip(planned: PlannedStep, reason: SkipReason, detail: string | null): void {
    this.audit.append("step_skipped", skippedPayload(planned, reason, detail));
    // Counted as skipped whatever the reason, so the summary adds up to the steps shown;
    // the run's status (aborted) and exit code say why they did not run.
    this.tally.set(planned.step.index, "skipped");
    this.deps.view.stepFinished(planned, "skipped", { durationMs: 0, detail: detail ?? reason });
  }

  async #runStep(planned: PlannedStep): Promise<void> {
    const index = planned.step.index;
    let retriesLeft = this.request.maxRetries;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.#attempt(planned, attempt);
      if (outcome.kind === "interrupted") {
        if (outcome.result === undefined) {
          this.#skip(planned, "aborted", "interrupted while waiting for approval");
          return;
        }
        this.tally.set(index, "failed");
        const { durationMs } = outcome.result;
        this.deps.view.stepFinished(planned, "failed", { durationMs, detail: "interrupted" });
        return;
      }
      if (outcome.kind === "succeeded") {
        this.tally.set(index, "succeeded");
        const { durationMs } = outcome.result;
        this.deps.view.stepFinished(planned, "succeeded", { durationMs, detail: "" });
        await this.#decide(planned, outcome.result);
        return;
      }
      this.tally.set(index, outcome.kind);
      const { durationMs, detail } = outcome;
      this.deps.view.stepFinished(planned, outcome.kind, { durationMs, detail });
      const answer = await this.#ask(planned, outcome.kind, outcome.detail, retriesLeft);
      this.audit.append("operator_choice", answer);
      const { choice } = answer;
      if (choice === "retry" && retriesLeft > 0 && !this.#stopped) {
        retriesLeft -= 1;
        continue;
      }
      if (choice === "skip" && !this.#stopped) {
        this.audit.append(
          "step_skipped",
          skippedPayload(planned, "operator", `${outcome.kind}: ${outcome.detail}`),
        );
        this.tally.set(index, "skipped");
      } else if (choice !== "continue" || this.#stopped) {
        const why = operatorStopReason(answer, this.request.approvalTimeoutMs);
        this.#abort(`step ${index} ${outcome.kind} (${outcome.detail}); ${why}`);
      }
      return;
    }
  }

  /** The operator's answer after a failure or a denial, as recorded (`operator_choice`). */
  async #ask(
    planned: PlannedStep,
    problem: StepProblem,
    detail: string,
    retriesLeft: number,
  ): Promise<OperatorChoicePayload> {
    const { operator, view } = this.deps;
    const ref = { step: planned.step.index, stepHash: planned.stepHash, problem, detail };
    if (this.#stopped)
      return { ...ref, choice: "abort", how: "interrupted", channel: null, by: null };
    if (operator === undefined) {
      view.notice(
        `step ${planned.step.index} ${problem} and there is no operator to ask (not a terminal): aborting the run`,
      );
      return { ...ref, choice: "abort", how: "no_operator", channel: null, by: null };
    }
    const answer = await operator.choose({
      step: planned,
      problem,
      detail,
      retriesLeft,
      signal: this.#controller.signal,
    });
    return { ...ref, ...answer, channel: operator.channel, by: answer.by ?? null };
  }

  async #attempt(planned: PlannedStep, attempt: number): Promise<Attempt> {
    if (planned.needsApproval) {
      const outcome = await this.#approve(planned);
      if (outcome === undefined) return { kind: "interrupted" };
      this.audit.append("approval", approvalPayload(planned, outcome));
      if (outcome.decision !== "approved") {
        const detail = denialDetail(outcome, this.request.approvalTimeoutMs);
        return { kind: "denied", detail, durationMs: 0 };
      }
    } else {
      this.audit.append("approval", autoApprovalPayload(planned));
    }
    const ref = { step: planned.step.index, stepHash: planned.stepHash };
    this.audit.append("step_start", ref);
    this.deps.view.stepStarted(planned, attempt);
    const result = await this.deps.execute({
      scripts: planned.step.commands,
      cwd: this.request.cwd,
      env: { ...this.request.env, ...parameterEnv(planned.parameters) },
      timeoutMs: planned.timeoutSeconds * 1000,
      signal: this.#controller.signal,
      onOutput: (chunk, stream) => this.deps.view.output(chunk, stream),
      ...(this.request.containment !== undefined && { containment: this.request.containment }),
    });
    this.audit.append("step_result", resultPayload(planned, result));
    if (result.canceled && this.#controller.signal.aborted) return { kind: "interrupted", result };
    if (!result.failed) return { kind: "succeeded", result };
    return { kind: "failed", detail: describeFailure(result), durationMs: result.durationMs };
  }

  /** The channel's answer, or `undefined` when the run was interrupted while asking. */
  async #approve(planned: PlannedStep): Promise<ApprovalOutcome | undefined> {
    if (this.#stopped) return undefined;
    const request = approvalRequestFor(planned, {
      title: this.request.runbookTitle,
      path: this.request.runbookPath,
    });
    const answer = await askApproval(this.deps.approvals, request, {
      signal: this.#controller.signal,
      timeoutMs: this.request.approvalTimeoutMs,
    });
    if (answer === "ctrl_c") this.interrupt("SIGINT");
    return typeof answer === "string" ? undefined : answer;
  }

  /**
   * Resume: the choice about each step the old run left half-done, on record before anything
   * runs. A step not run again stops the run: what comes after it may depend on it.
   */
  #recordInterrupted(): void {
    for (const { planned, choice, where } of this.request.interrupted ?? []) {
      this.audit.append("approval", {
        step: planned.step.index,
        stepHash: planned.stepHash,
        decision: choice.rerun ? "approved" : "denied",
        channel: "resume",
        approver: choice.by,
        detail: rerunDetail(choice, where),
        decidedAt: choice.at,
      });
      if (!choice.rerun) {
        this.deps.view.notice(
          `step ${planned.step.index} is not run again: the run does not resume`,
        );
        this.#abort(
          `step ${planned.step.index} was interrupted in the resumed log and is not run again (${rerunDetail(choice, where)})`,
        );
      }
    }
  }

  /** Resume: a step done in the old log whose scripts changed runs on only if re-approved. */
  async #reapproveChanged(): Promise<void> {
    for (const planned of this.request.changedDone) {
      if (this.#stopped) return;
      this.deps.view.notice(
        `step ${planned.step.index} changed since the resumed log; it counts as done only if approved again`,
      );
      const outcome = await this.#approve(planned);
      if (outcome === undefined) return;
      this.audit.append("approval", approvalPayload(planned, outcome));
      if (outcome.decision !== "approved") {
        this.deps.view.notice(
          `step ${planned.step.index} was not re-approved: the run does not resume`,
        );
        this.#abort(
          `step ${planned.step.index} changed since the resumed log and was not re-approved`,
        );
      }
    }
  }

  /** The optional post-step decision (safety invariant 7): only after a success, never after the last step. */
  async #decide(planned: PlannedStep, result: StepResult): Promise<void> {
    const model = this.deps.decisions;
    const index = planned.step.index;
    const pending = this.request.steps.filter(
      (later) =>
        later.step.index > index &&
        later.disposition === "run" &&
        !this.#decisionSkips.has(later.step.index),
    );
    if (model === undefined || pending.length === 0 || this.#stopped) return;
    const decision = await unlessAborted(
      continueOnError(
        model.decideNext(decisionInput(this.request.runbookTitle, planned, result, pending)),
      ),
      this.#controller.signal,
    );
    if (decision === undefined) return;
    const pendingIndexes = pending.map((later) => later.step.index);
    const applied = applyDecision(decision, index, pendingIndexes);
    this.audit.append("decision", decisionPayload(index, decision, applied, pendingIndexes));
    this.deps.view.decision(planned, decision, applied.skip);
    for (const skipped of applied.skip) this.#decisionSkips.add(skipped);
    if (applied.action === "abort")
      this.#abort(`the post-step decision after step ${index} aborted the run`);
  }
}
