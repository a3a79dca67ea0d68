import { randomUUID } from "node:crypto";
import { createDecisionModelFromEnv } from "../../adapters/anthropic/factory.js";
import { auditOpener, redactorFor, runRequestFor } from "../../app/run-setup.js";
import { runStep } from "../../execute/run-step.js";
import { CappedApprovals } from "../../gate/capped.js";
import { QuestionRelay, type RelayQuestion } from "../../gate/relay.js";
import { RelayedApprovalProvider } from "../../gate/relayed-approval.js";
import {
  explainUnaskable,
  renderRelayedApproval,
  renderRelayedFailure,
  renderStepProgress,
} from "../../present/mcp/questions.js";
import type { Redact } from "../../redact/redactor.js";
import { executeRun } from "../../run/loop.js";
import type { PlannedStep } from "../../plan/plan.js";
import type { RunSummary, RunView, StepOutcome } from "../../run/ports.js";
import { RelayedOperator } from "../../run/relayed-operator.js";
import { teeRunView } from "../../run/tee-view.js";
import type { CallingClient } from "./client.js";
import type { McpContext } from "./context.js";
import type { McpReadyRun } from "./prepare.js";

/** Reports progress to the tool call attached to the run, if it sent a progress token. */
export type ProgressSink = (progress: number, total: number, message: string) => void;

/** What an attached tool call waits for: the run asks something, or it ended. */
export type RunEvent =
  | { readonly kind: "question"; readonly question: RelayQuestion }
  | { readonly kind: "ended" }
  | { readonly kind: "detached" };

/** Most time the end of a stopped run waits for its Slack posts. */
const SIGNAL_FLUSH_MS = 1000;

/**
 * One live run started by `execute_runbook`: the engine's loop in the background, its questions
 * relayed to the client through {@link QuestionRelay}, what it shows collected for the result.
 */
export class McpLiveRun {
  readonly runId = randomUUID();
  readonly relay = new QuestionRelay(this.runId);
  readonly runbookPath: string;
  readonly auditLogPath: Promise<string>;
  /** Why steps were denied or failed, by step index (redacted): the result's `detail`. */
  readonly details = new Map<number, string>();
  readonly notices: string[] = [];
  readonly refusals: string[] = [];
  readonly redact: Redact;
  #summary: RunSummary | undefined;
  #ended = false;
  readonly #done: Promise<void>;
  #progress: ProgressSink | undefined;
  #finishedSteps = 0;
  readonly #stepCount: number;

  constructor(context: McpContext, ready: McpReadyRun, client: CallingClient) {
    const { prepared, config, runStart } = ready;
    this.runbookPath = prepared.runbook.path;
    this.#stepCount = prepared.steps.length;
    this.redact = redactorFor(prepared, context.env);
    const slack = context.slack({
      runId: this.runId,
      runStart,
      runbookPath: prepared.shownPath,
      redact: this.redact,
    });
    const timeoutMs = config.approvalTimeoutSeconds * 1000;
    const stepCount = this.#stepCount;
    const approvals = new CappedApprovals({
      capped: client.elicitation
        ? new RelayedApprovalProvider(this.relay, {
            client,
            render: (request) => renderRelayedApproval(request, stepCount),
          })
        : undefined,
      cap: config.mcpMaxApprovalLevel,
      uncapped: slack?.approvals,
      explain: (request, reason) => explainUnaskable(request, reason, config.mcpMaxApprovalLevel),
      announce: (message) => this.#notice(message),
    });
    const operator = client.elicitation
      ? new RelayedOperator(this.relay, {
          timeoutMs,
          render: (question) => renderRelayedFailure(question, stepCount),
        })
      : slack?.operator;
    let opened: (path: string) => void = () => undefined;
    this.auditLogPath = new Promise((resolve) => (opened = resolve));
    const openAudit = auditOpener(config, this.redact, context.env, this.runId);
    this.#done = executeRun(runRequestFor(ready, context.env), {
      openAudit: (start) => {
        const sink = openAudit(start);
        opened(sink.path);
        return sink;
      },
      execute: runStep,
      approvals,
      operator,
      decisions: createDecisionModelFromEnv(context.env, config, (message) =>
        context.log.write(`runbook-exec mcp-server: ${message}\n`),
      ),
      view: teeRunView(this.#view(), ...(slack?.views ?? [])),
      signals: context.signals,
      now: () => performance.now(),
    }).then(
      async (summary) => {
        this.#summary = summary;
        // A Slack outage at the end must not turn a finished run into an error.
        await slack
          ?.flush(summary.exitCode >= 128 ? SIGNAL_FLUSH_MS : undefined)
          .catch(() => undefined);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.#notice(`the run stopped on an internal error: ${message}`);
        context.log.write(`runbook-exec mcp-server: run ${this.runId}: ${message}\n`);
      },
    );
    void this.#done.finally(() => {
      opened(""); // never opened (the run failed before its log): the result says unreadable
      this.#ended = true;
      this.relay.close("the run ended");
      context.runEnded();
    });
  }

  /** The summary once the run ended, else `undefined`. */
  get summary(): RunSummary | undefined {
    return this.#summary;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Resolves when the run has ended (its `run_end` written). */
  get done(): Promise<void> {
    return this.#done;
  }

  /** Waits for the run's next question or its end; `detached` when `signal` aborts first. */
  nextEvent(signal: AbortSignal, progress: ProgressSink | undefined): Promise<RunEvent> {
    const open = this.relay.open;
    if (open !== undefined) return Promise.resolve({ kind: "question", question: open });
    if (this.#ended) return Promise.resolve({ kind: "ended" });
    this.#progress = progress;
    return new Promise<RunEvent>((resolve) => {
      const finish = (event: RunEvent): void => {
        unsubscribe();
        signal.removeEventListener("abort", onAbort);
        if (this.#progress === progress) this.#progress = undefined;
        resolve(event);
      };
      const onAbort = (): void => finish({ kind: "detached" });
      const unsubscribe = this.relay.onOpen((question) => finish({ kind: "question", question }));
      signal.addEventListener("abort", onAbort, { once: true });
      void this.#done.then(() => finish({ kind: "ended" }));
    });
  }

  /** Notes a refused answer aimed at this run (also recorded as the open question's denial). */
  noteRefusal(detail: string): void {
    this.refusals.push(detail);
  }

  #notice(message: string): void {
    this.notices.push(this.redact(message));
  }

  #view(): RunView {
    const finished = (planned: PlannedStep, outcome: StepOutcome, detail: string): void => {
      this.#finishedSteps += 1;
      if (detail !== "") this.details.set(planned.step.index, this.redact(detail));
      this.#progress?.(
        this.#finishedSteps,
        this.#stepCount,
        renderStepProgress(planned.step.index, this.#stepCount, outcome, planned.step.text),
      );
    };
    return {
      runStarted: () => undefined,
      stepStarted: () => undefined,
      output: () => undefined,
      stepFinished: (planned, outcome, info) => finished(planned, outcome, info.detail),
      decision: () => undefined,
      head: () => undefined,
      notice: (message) => this.#notice(message),
      runFinished: () => undefined,
    };
  }
}
