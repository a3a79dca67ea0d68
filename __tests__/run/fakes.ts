import type { ApprovalOutcome, ApprovalProvider, ApprovalRequest } from "../../src/gate/types.js";
import { stepHash } from "../../src/plan/step-hash.js";
import type {
  AuditHead,
  AuditPayloads,
  AuditRecordType,
  RunEndPayload,
  RunStartPayload,
} from "../../src/audit/records.js";
import type { Command, Step } from "../../src/core/runbook.js";
import type { RiskLevel } from "../../src/core/risk.js";
import type { RunStepOptions } from "../../src/execute/run-step.js";
import type { StepResult } from "../../src/execute/types.js";
import type { Decision, DecisionInput, DecisionModel } from "../../src/llm/types.js";
import type { RunRequest } from "../../src/run/loop.js";
import type { PlannedStep, StepDisposition } from "../../src/plan/plan.js";
import type {
  AuditSink,
  Operator,
  OperatorAnswer,
  OperatorChoice,
  OperatorQuestion,
  RunDependencies,
  RunSignal,
  RunView,
} from "../../src/run/ports.js";

/** A `bash` command as the parser gives it. */
export function bash(script: string): Command {
  return {
    language: "bash",
    line: 1,
    column: 1,
    script,
    interpreter: { program: "bash", args: ["-c"], scriptVia: "argument" },
    attributes: [],
  };
}

/** A planned step; by default one read-only `echo` that runs without approval. */
export function planned(
  index: number,
  options: {
    risk?: RiskLevel;
    needsApproval?: boolean;
    scripts?: readonly string[];
    disposition?: StepDisposition;
  } = {},
): PlannedStep {
  const commands = (options.scripts ?? [`echo step ${index}`]).map(bash);
  const step: Step = {
    index,
    line: index * 4,
    column: 1,
    endLine: index * 4 + 3,
    section: "Section",
    text: `Step ${index}`,
    commands,
    annotatedRisk: undefined,
    timeoutSeconds: undefined,
    name: undefined,
    inlineCode: [],
  };
  return {
    step,
    stepHash: stepHash(commands),
    parameters: [],
    risk: options.risk ?? "read_only",
    riskSource: "rules",
    reasons: [],
    needsApproval: options.needsApproval ?? false,
    timeoutSeconds: 5,
    disposition: options.disposition ?? (commands.length === 0 ? "no_command" : "run"),
  };
}

/** One record as the fake sink keeps it. */
export interface SunkRecord {
  readonly type: AuditRecordType;
  readonly payload: Record<string, unknown>;
}

/** An in-memory audit log. */
export class MemoryAudit implements AuditSink {
  readonly path = "/memory/log.ndjson";
  readonly records: SunkRecord[] = [];
  failOn: AuditRecordType | undefined;

  constructor(runStart: RunStartPayload) {
    this.records.push({ type: "run_start", payload: { ...runStart } });
  }

  append<T extends Exclude<AuditRecordType, "run_start" | "run_end">>(
    type: T,
    payload: AuditPayloads[T],
  ): AuditHead {
    if (this.failOn === type) throw new Error(`disk full writing ${type}`);
    this.records.push({ type, payload: { ...payload } });
    return this.head();
  }

  end(payload: RunEndPayload): AuditHead {
    this.records.push({ type: "run_end", payload: { ...payload } });
    return this.head();
  }

  head(): AuditHead {
    return { seq: this.records.length, hash: String(this.records.length).padStart(64, "0") };
  }

  types(): AuditRecordType[] {
    return this.records.map((record) => record.type);
  }

  of(type: AuditRecordType): Record<string, unknown>[] {
    return this.records.filter((record) => record.type === type).map((record) => record.payload);
  }

  runEnd(): Record<string, unknown> | undefined {
    return this.of("run_end")[0];
  }
}

/** A successful or failed step result. */
export function result(
  options: { exitCode?: number; canceled?: boolean; stdout?: string } = {},
): StepResult {
  const exitCode = options.canceled === true ? null : (options.exitCode ?? 0);
  const failed = options.canceled === true || exitCode !== 0;
  const outcome = {
    exitCode,
    signal: options.canceled === true ? "SIGTERM" : null,
    timedOut: false,
    canceled: options.canceled === true,
    failed,
    durationMs: 3,
  };
  const stdout = options.stdout ?? "";
  return {
    ...outcome,
    stdoutHead: stdout,
    stdoutTail: "",
    stderrHead: "",
    stderrTail: "",
    stdoutBytes: Buffer.byteLength(stdout),
    stderrBytes: 0,
    truncated: false,
    failedScript: failed ? 1 : undefined,
    scripts: [outcome],
  };
}

/** Everything the fakes saw. */
export interface Harness {
  readonly deps: RunDependencies;
  readonly audit: () => MemoryAudit;
  readonly executed: number[];
  readonly approvalRequests: ApprovalRequest[];
  readonly questions: OperatorQuestion[];
  readonly decisionInputs: DecisionInput[];
  readonly events: string[];
  /** Delivers a signal as the process would. */
  readonly raise: (signal: RunSignal) => void;
  readonly subscribed: () => boolean;
}

export interface HarnessOptions {
  /** Result per step index (default: success); a function gets the options too. */
  readonly execute?: (index: number, options: RunStepOptions) => Promise<StepResult> | StepResult;
  readonly approve?: (request: ApprovalRequest) => Promise<ApprovalOutcome> | ApprovalOutcome;
  /** Choices (by `alice`) or whole answers, in order; `undefined` = no operator. */
  readonly choices?: readonly (OperatorChoice | OperatorAnswer)[];
  readonly decide?: (input: DecisionInput) => Promise<Decision> | Decision;
  readonly failAuditOn?: AuditRecordType;
}

/** An approval bound to the requested hash, by `alice`. */
export function approved(request: ApprovalRequest): ApprovalOutcome {
  return {
    decision: "approved",
    approver: "alice",
    channel: "terminal",
    stepHash: request.stepHash,
    at: new Date().toISOString(),
    reasonCode: "approved",
  };
}

export function harness(options: HarnessOptions = {}): Harness {
  let audit: MemoryAudit | undefined;
  let handler: ((signal: RunSignal) => void) | undefined;
  const executed: number[] = [];
  const approvalRequests: ApprovalRequest[] = [];
  const questions: OperatorQuestion[] = [];
  const decisionInputs: DecisionInput[] = [];
  const events: string[] = [];
  const choices = options.choices === undefined ? undefined : [...options.choices];
  const approvals: ApprovalProvider = {
    channel: "terminal",
    request: async (request) => {
      approvalRequests.push(request);
      return (options.approve ?? approved)(request);
    },
  };
  const operator: Operator | undefined =
    choices === undefined
      ? undefined
      : {
          channel: "terminal",
          choose: async (question) => {
            questions.push(question);
            const next = choices.shift() ?? "abort";
            return typeof next === "string" ? { choice: next, how: "answered", by: "alice" } : next;
          },
        };
  const decisions: DecisionModel | undefined =
    options.decide === undefined
      ? undefined
      : {
          decideNext: async (input) => {
            decisionInputs.push(input);
            return (options.decide ?? (() => continueDecision))(input);
          },
        };
  const view: RunView = {
    runStarted: () => events.push("runStarted"),
    stepStarted: (step, attempt) => events.push(`start ${step.step.index}#${attempt}`),
    output: () => undefined,
    stepFinished: (step, outcome) => events.push(`${outcome} ${step.step.index}`),
    decision: (step) => events.push(`decision ${step.step.index}`),
    head: (head) => events.push(`head ${head.seq}`),
    notice: (message) => events.push(`notice ${message}`),
    runFinished: (summary) => events.push(`finished ${summary.status}`),
  };
  const deps: RunDependencies = {
    openAudit: (runStart) => {
      audit = new MemoryAudit(runStart);
      audit.failOn = options.failAuditOn;
      return audit;
    },
    execute: async (stepOptions) => {
      const index = Number(/^echo step (\d+)/.exec(stepOptions.scripts[0]?.script ?? "")?.[1] ?? 0);
      executed.push(index);
      return options.execute === undefined ? result() : options.execute(index, stepOptions);
    },
    approvals,
    operator,
    decisions,
    view,
    signals: (listener) => {
      handler = listener;
      return () => {
        handler = undefined;
      };
    },
    now: () => 0,
  };
  return {
    deps,
    audit: () => {
      if (audit === undefined) throw new Error("the run never opened its audit log");
      return audit;
    },
    executed,
    approvalRequests,
    questions,
    decisionInputs,
    events,
    raise: (signal) => handler?.(signal),
    subscribed: () => handler !== undefined,
  };
}

export const continueDecision: Decision = {
  action: "continue",
  skipSteps: [],
  reasoning: "fine",
  source: "llm",
};

/** A `run_start` payload of a live run of the test runbook; `extra` replaces fields. */
export function runStartPayload(extra: Partial<RunStartPayload> = {}): RunStartPayload {
  return {
    toolVersion: "0.0.0",
    runbook: { path: "/rb/test.md", sha256: "0".repeat(64), title: "Test runbook" },
    incidentId: null,
    host: "h",
    user: "u",
    mode: "live",
    config: {},
    ci: null,
    previousLog: null,
    stepCount: 0,
    ...extra,
  };
}

/** A run request over `steps`. */
export function request(
  steps: readonly PlannedStep[],
  extra: Partial<RunRequest> = {},
): RunRequest {
  return {
    runbookTitle: "Test runbook",
    runbookPath: "/rb/test.md",
    steps,
    runStart: runStartPayload({ stepCount: steps.length }),
    cwd: "/",
    env: {},
    approvalTimeoutMs: 1000,
    maxRetries: 2,
    changedDone: [],
    ...extra,
  };
}
