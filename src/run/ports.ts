import type { ApprovalProvider } from "../gate/types.js";
import type { AuditHead, AuditPayloads, RunEndPayload, RunStartPayload } from "../audit/records.js";
import type { StepRecordType } from "../audit/writer.js";
import type { RunStepOptions } from "../execute/run-step.js";
import type { OutputStream, StepResult } from "../execute/types.js";
import type { Decision, DecisionModel } from "../llm/types.js";
import type { PlannedStep } from "../plan/plan.js";
import type { ApprovalChannel } from "../core/approval.js";
import type { OperatorAnswerKind, OperatorChoice } from "../core/operator.js";

/** The audit log as the engine uses it; `AuditWriter` implements it. */
export interface AuditSink {
  readonly path: string;
  append<T extends StepRecordType>(type: T, payload: AuditPayloads[T]): AuditHead;
  end(payload: RunEndPayload): AuditHead;
  head(): AuditHead;
}

/** Creates the log and writes `run_start` (safety invariant 6). */
export type OpenAudit = (runStart: RunStartPayload) => AuditSink;

/** Runs a step's scripts; `runStep` from `src/execute/` in production. */
export type ExecuteStep = (options: RunStepOptions) => Promise<StepResult>;

/** What went wrong with a step, for the operator. */
export type StepProblem = "failed" | "denied";

export {
  OPERATOR_CHOICES,
  OPERATOR_ANSWER_KINDS,
  type OperatorChoice,
  type OperatorAnswerKind,
} from "../core/operator.js";

/** What the operator is asked after a failure or a denial. */
export interface OperatorQuestion {
  readonly step: PlannedStep;
  readonly problem: StepProblem;
  /** One line: exit code, timeout, or why approval was denied. */
  readonly detail: string;
  /** Retries still allowed; `retry` is only offered while this is above 0. */
  readonly retriesLeft: number;
  /** Aborted on SIGINT/SIGTERM: the question must end (with `abort`). */
  readonly signal: AbortSignal;
}

/** The operator's choice, who made it, and how it came about (recorded in the audit log). */
export interface OperatorAnswer {
  readonly choice: OperatorChoice;
  readonly how: OperatorAnswerKind;
  /** Who answered; `undefined` when nobody did. */
  readonly by?: string | undefined;
}

/** Whoever decides what happens after a failure or a denial; with no operator, `abort`. */
export interface Operator {
  /** Where the question is asked, as recorded: `terminal`, `slack`, `mcp`… */
  readonly channel: ApprovalChannel;
  choose(question: OperatorQuestion): Promise<OperatorAnswer>;
}

/** How a step ended, as shown and counted. */
export const STEP_OUTCOMES = ["succeeded", "failed", "skipped", "denied"] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** Counts and status of a finished run. */
export interface RunSummary {
  readonly status: RunEndPayload["status"];
  readonly counts: RunEndPayload["counts"];
  readonly durationMs: number;
  readonly exitCode: number;
  readonly auditLogPath: string;
  readonly head: AuditHead;
}

/**
 * Everything the engine shows while it runs. Implementations print; all strings they receive
 * from the runbook or from commands are untrusted and must be escaped before display.
 */
export interface RunView {
  runStarted(info: { readonly auditLogPath: string; readonly steps: readonly PlannedStep[] }): void;
  stepStarted(step: PlannedStep, attempt: number): void;
  output(chunk: Buffer, stream: OutputStream): void;
  stepFinished(
    step: PlannedStep,
    outcome: StepOutcome,
    info: { readonly durationMs: number; readonly detail: string },
  ): void;
  decision(step: PlannedStep, decision: Decision, applied: readonly number[]): void;
  /** The audit head after a step, so a truncated log can be caught with `replay --expect-head`. */
  head(head: AuditHead): void;
  notice(message: string): void;
  runFinished(summary: RunSummary): void;
}

/**
 * The signals a run handles. SIGHUP (the terminal or SSH session closed) and SIGQUIT are
 * handled like SIGTERM: left to their default, they would end the tool without `run_end`
 * while the step ran on unsupervised.
 */
export const RUN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const;
export type RunSignal = (typeof RUN_SIGNALS)[number];

/** What the process exits with after each signal (128 + signal number, design.md). */
export const SIGNAL_EXIT_CODES: Readonly<Record<RunSignal, number>> = {
  SIGINT: 130,
  SIGTERM: 143,
  SIGHUP: 129,
  SIGQUIT: 131,
};

/** Subscribes to {@link RUN_SIGNALS}; returns the unsubscribe function. */
export type SignalSource = (handler: (signal: RunSignal) => void) => () => void;

/**
 * Requests to stop the run on purpose from outside it (a ChatOps `/abort`); returns the
 * unsubscribe function. The reason is recorded on every step that did not run.
 */
export type StopSource = (handler: (reason: string) => void) => () => void;

/** The engine's collaborators, injected so tests drive it with small fakes. */
export interface RunDependencies {
  readonly openAudit: OpenAudit;
  readonly execute: ExecuteStep;
  /** Asked for steps above the auto-approve level (the terminal one denies without a TTY). */
  readonly approvals: ApprovalProvider;
  readonly operator: Operator | undefined;
  /** Post-step advice; `undefined` with `--no-llm-context`, `--no-llm` or no API key. */
  readonly decisions: DecisionModel | undefined;
  readonly view: RunView;
  readonly signals: SignalSource;
  /** Stop requests besides signals: the run ends `aborted` (exit 1), the running step killed. */
  readonly stops?: StopSource;
  /** Monotonic milliseconds, for durations. */
  readonly now: () => number;
}
