import type { FenceAttribute, Interpreter } from "../core/runbook.js";
import type { Containment } from "./containment.js";

/** Which pipe a chunk of output came from. */
export const OUTPUT_STREAMS = ["stdout", "stderr"] as const;
export type OutputStream = (typeof OUTPUT_STREAMS)[number];

/** Called with every chunk of output as it arrives, before any capping. */
export type OutputListener = (chunk: Buffer, stream: OutputStream) => void;

/** Bytes kept from the start and, separately, from the end of each stream (64 KiB). */
export const DEFAULT_CAP_BYTES = 64 * 1024;

/** Time between SIGTERM and SIGKILL when a step times out (5 s). */
export const DEFAULT_KILL_GRACE_MS = 5_000;

/**
 * Time between SIGTERM and SIGKILL when a step is canceled (1 s): a canceled run must exit
 * within 2 s of SIGINT/SIGTERM even if the step ignores SIGTERM.
 */
export const DEFAULT_CANCEL_GRACE_MS = 1_000;

/** How a process ended; shared by a script's and a step's result. */
export interface ExecutionOutcome {
  /** Exit code, or `null` when the process died from a signal or never started. */
  readonly exitCode: number | null;
  /** Signal that ended the process, e.g. `SIGTERM`, or `null`. */
  readonly signal: string | null;
  /** The timeout expired and the process group was killed. */
  readonly timedOut: boolean;
  /** The caller's AbortSignal fired and the process group was killed. */
  readonly canceled: boolean;
  /** Anything but a clean exit 0: non-zero code, signal, timeout, cancel or spawn error. */
  readonly failed: boolean;
  /** Why the program could not be started, for people; absent when it started. */
  readonly spawnError?: string;
  readonly durationMs: number;
}

/** Output kept from a run: head and tail of each stream, with exact byte counts. */
export interface CapturedOutput {
  readonly stdoutHead: string;
  readonly stdoutTail: string;
  readonly stderrHead: string;
  readonly stderrTail: string;
  readonly stdoutBytes: number;
  readonly stderrBytes: number;
  /** Bytes between head and tail were dropped from at least one stream. */
  readonly truncated: boolean;
}

/** One flat record for one script. */
export type ScriptResult = ExecutionOutcome & CapturedOutput;

/** One flat record for a step; exit fields are those of the last script that ran. */
export type StepResult = ScriptResult & {
  /** 1-based index of the script that failed, `undefined` when all succeeded. */
  readonly failedScript: number | undefined;
  /** How each script that ran ended, in order; scripts after a failure are absent. */
  readonly scripts: readonly ExecutionOutcome[];
};

/** What every run needs, for a single script or a whole step. */
export interface ExecutionOptions {
  /** Working directory: the runbook's directory unless configured. */
  readonly cwd: string;
  /** The complete child environment; build it with `buildChildEnv`. */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Wait between SIGTERM and SIGKILL on timeout; default {@link DEFAULT_KILL_GRACE_MS}. */
  readonly killGraceMs?: number;
  /** The same on cancel (abort); default {@link DEFAULT_CANCEL_GRACE_MS}. */
  readonly cancelGraceMs?: number;
  /** Aborting kills the process group; the result then says `canceled`. */
  readonly signal?: AbortSignal;
  readonly onOutput?: OutputListener;
  /** Head and tail size per stream; default {@link DEFAULT_CAP_BYTES}. */
  readonly capBytes?: number;
  /** How scripts are contained; default: what this host allows ({@link hostContainment}). */
  readonly containment?: Containment;
}

/** A script and the program that runs it (the parser's `Command` fits). */
export interface ScriptToRun {
  readonly interpreter: Interpreter;
  readonly script: string;
  /** The fence's attributes; `detach=true` lets the script's processes outlive it. */
  readonly attributes?: readonly FenceAttribute[];
}
