import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { isDetached } from "../core/detach.js";
import { HeadTailBuffer } from "./capture.js";
import { findOnPath, hostContainment, PROCESS_GROUP } from "./containment.js";
import { gatedSpawn, openGate } from "./gate.js";
import { sealedExtraStdio } from "./inherited-fds.js";
import { terminateProcessGroup } from "./kill.js";
import { buildLaunch, type Launch } from "./launch.js";
import { killSurvivors, newStepMark, startTicks, STEP_MARK_ENV } from "./survivors.js";
import { guardGroup } from "./watchdog.js";
import { timerDelay } from "./timer.js";
import {
  DEFAULT_CANCEL_GRACE_MS,
  DEFAULT_CAP_BYTES,
  DEFAULT_KILL_GRACE_MS,
  type CapturedOutput,
  type ExecutionOptions,
  type ExecutionOutcome,
  type ScriptResult,
  type ScriptToRun,
} from "./types.js";

/**
 * After the script's own process exits, how long a background process it left behind may keep
 * the output pipes open before we stop reading. Only a `detach=true` script leaves any: every
 * other script's processes die with it (safety invariant 10).
 */
const OUTPUT_DRAIN_MS = 1_000;

/** The two head/tail buffers a run writes into; a step shares them across its scripts. */
export interface Captures {
  readonly stdout: HeadTailBuffer;
  readonly stderr: HeadTailBuffer;
}

/** Fresh, empty captures of `capBytes` head and tail per stream. */
export function createCaptures(capBytes: number = DEFAULT_CAP_BYTES): Captures {
  return { stdout: new HeadTailBuffer(capBytes), stderr: new HeadTailBuffer(capBytes) };
}

/**
 * The captured output as text fields of a result. A stream that was kept whole comes back as
 * one head (the tail empty), so a secret across the head/tail seam is redacted in one piece
 * and cut only after redaction (`capExcerpt`); a cut stream keeps its head and tail.
 */
export function capturedOutput(captures: Captures): CapturedOutput {
  const stdout = wholeUnlessCut(captures.stdout);
  const stderr = wholeUnlessCut(captures.stderr);
  return {
    stdoutHead: stdout.head,
    stdoutTail: stdout.tail,
    stderrHead: stderr.head,
    stderrTail: stderr.tail,
    stdoutBytes: captures.stdout.bytes,
    stderrBytes: captures.stderr.bytes,
    truncated: captures.stdout.truncated || captures.stderr.truncated,
  };
}

function wholeUnlessCut(buffer: HeadTailBuffer): { head: string; tail: string } {
  const { head, tail } = buffer.text();
  return buffer.truncated ? { head, tail } : { head: head + tail, tail: "" };
}

/**
 * Runs one script, contained (see {@link hostContainment}), and resolves with one flat record;
 * never rejects for anything the script does. stdin is /dev/null (or the script, for
 * `scriptVia: "stdin"`), output streams to `onOutput` live and into capped head/tail buffers.
 * On timeout or abort the whole group gets SIGTERM, then SIGKILL after `killGraceMs` (timeout)
 * or `cancelGraceMs`. Unless the fence says `detach=true`, nothing the script started outlives it.
 */
export async function runScript(options: ExecutionOptions & ScriptToRun): Promise<ScriptResult> {
  const captures = createCaptures(options.capBytes);
  const outcome = await executeInto(options, options, captures);
  return { ...outcome, ...capturedOutput(captures) };
}

/** Runs `target` writing its output into `captures`; the building block of scripts and steps. */
export function executeInto(
  target: ScriptToRun,
  options: ExecutionOptions,
  captures: Captures,
): Promise<ExecutionOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  if (options.signal?.aborted === true) {
    return Promise.resolve(outcomeOf({ code: null, signal: null }, "cancel", undefined, 0));
  }
  const launch = buildLaunch(target.interpreter, target.script);
  const detached = isDetached(target);
  const containment = detached ? PROCESS_GROUP : (options.containment ?? hostContainment());
  const inNamespace = containment.mode !== "process-group";
  // A detached script is nobody's to guard; every other waits at the gate until it is guarded.
  const [wrapper, ...wrapperArgs] = containment.prefix;
  const start = detached
    ? { file: launch.file, args: launch.args, extraStdio: sealedExtraStdio(), gated: false }
    : gatedSpawn(
        wrapper ?? launch.file,
        wrapper === undefined ? launch.args : [...wrapperArgs, launch.file, ...launch.args],
        sealedExtraStdio(),
      );
  // Something other than the program itself is exec'd first (a wrapper, the gate): a missing
  // program or directory is checked here, to be named as clearly as a direct spawn would.
  const problem = start.file === launch.file ? undefined : launchProblem(launch, options);
  if (problem !== undefined) {
    const message = spawnMessage(launch.file, options.cwd, {
      code: problem,
    } as NodeJS.ErrnoException);
    return Promise.resolve(outcomeOf({ code: null, signal: null }, undefined, message, elapsed()));
  }
  // Without a namespace, survivors are found again by this mark (a setsid escapes the group).
  const mark = inNamespace || detached ? "" : newStepMark();
  let child: ChildProcess;
  try {
    child = spawn(start.file, start.args, {
      cwd: options.cwd,
      env: inNamespace || detached ? options.env : { ...options.env, [STEP_MARK_ENV]: mark },
      detached: true,
      stdio: [launch.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe", ...start.extraStdio],
    });
  } catch (error) {
    // Node refuses synchronously what no exec() can carry, e.g. a NUL byte in an argument.
    const message = spawnMessage(launch.file, options.cwd, error as NodeJS.ErrnoException);
    return Promise.resolve(outcomeOf({ code: null, signal: null }, undefined, message, elapsed()));
  }
  if (launch.stdin !== undefined && child.stdin !== null) {
    // A program that exits without reading its script closes the pipe: EPIPE is not our failure.
    child.stdin.on("error", () => undefined);
    child.stdin.end(launch.stdin);
  }
  for (const stream of ["stdout", "stderr"] as const) {
    child[stream]?.on("data", (chunk: Buffer) => {
      captures[stream].push(chunk);
      options.onOutput?.(chunk, stream);
    });
  }
  // Should runbook-exec die mid-script, the run's watchdog kills the group: `unshare` (and so
  // the namespace) or the bare group. The script starts only once the watchdog holds it. A
  // detached script is left alone, on purpose.
  const guard = !detached && child.pid !== undefined ? guardGroup(child.pid) : undefined;
  if (start.gated) {
    const opened = child;
    void (guard?.ready ?? Promise.resolve()).then(() => openGate(opened));
  }
  const scanned = !inNamespace && !detached && child.pid !== undefined;
  const since = scanned && child.pid !== undefined ? (startTicks(child.pid) ?? 0) : 0;
  /** Ends what the script left behind: the kernel does it for a namespace, a scan otherwise. */
  const endSurvivors = (): void => {
    guard?.release();
    if (scanned && child.pid !== undefined) killSurvivors(child.pid, mark, since);
  };

  return new Promise<ExecutionOutcome>((resolve) => {
    let stopping: Promise<void> | undefined;
    let reason: "timeout" | "cancel" | undefined;
    const stop = (why: "timeout" | "cancel"): void => {
      if (stopping !== undefined || child.pid === undefined) return;
      if (child.exitCode !== null || child.signalCode !== null) return;
      reason = why;
      const graceMs =
        why === "timeout"
          ? (options.killGraceMs ?? DEFAULT_KILL_GRACE_MS)
          : (options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
      stopping = terminateProcessGroup(child.pid, graceMs, { namespace: inNamespace });
    };
    const timer = setTimeout(() => stop("timeout"), timerDelay(options.timeoutMs));
    const onAbort = (): void => stop("cancel");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const unlisten = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };

    child.once("error", (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return; // errors after a successful spawn end in "exit"
      unlisten();
      resolve(
        outcomeOf(
          { code: null, signal: null },
          reason,
          spawnMessage(launch.file, options.cwd, error),
          elapsed(),
        ),
      );
    });
    child.once("exit", (code, signal) => {
      unlisten();
      void Promise.resolve(stopping)
        .then(endSurvivors)
        .then(() => drained([child.stdout, child.stderr]))
        .then(() => resolve(outcomeOf({ code, signal }, reason, undefined, elapsed())));
    });
  });
}

/** Resolves when both pipes have closed, or stops reading them after {@link OUTPUT_DRAIN_MS}. */
function drained(streams: readonly (Readable | null)[]): Promise<void> {
  const open = streams.filter((stream): stream is Readable => stream !== null && !stream.closed);
  if (open.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      for (const stream of open) stream.destroy();
      resolve();
    }, OUTPUT_DRAIN_MS);
    let pending = open.length;
    for (const stream of open) {
      stream.once("close", () => {
        pending -= 1;
        if (pending > 0) return;
        clearTimeout(timer);
        resolve();
      });
    }
  });
}

function outcomeOf(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  reason: "timeout" | "cancel" | undefined,
  spawnError: string | undefined,
  durationMs: number,
): ExecutionOutcome {
  const timedOut = reason === "timeout";
  const canceled = reason === "cancel";
  const failed = spawnError !== undefined || timedOut || canceled || exit.code !== 0;
  const base = { exitCode: exit.code, signal: exit.signal, timedOut, canceled, failed, durationMs };
  return spawnError === undefined ? base : { ...base, spawnError };
}

/** A sentence for people: ENOENT from spawn means a missing program *or* a missing cwd. */
function spawnMessage(program: string, cwd: string, error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") {
    if (!isDirectory(cwd))
      return `cannot start \`${program}\`: working directory \`${cwd}\` does not exist`;
    return `cannot start \`${program}\`: not found on PATH; install it or map the fence language to another program in \`interpreters\``;
  }
  if (error.code === "EACCES") return `cannot start \`${program}\`: permission denied (EACCES)`;
  if (error.code === "ERR_INVALID_ARG_VALUE") {
    return `cannot start \`${program}\`: the script, an environment value or the working directory contains a NUL byte`;
  }
  return `cannot start \`${program}\`: ${error.message}`;
}

/**
 * Why `launch.file` cannot be started in `options.cwd` (`ENOENT`: no such program or directory,
 * `EACCES`: not executable), or `undefined` when it can: checked before a wrapper or the gate
 * starts it, so the problem is named as clearly as a direct spawn would.
 */
function launchProblem(launch: Launch, options: ExecutionOptions): "ENOENT" | "EACCES" | undefined {
  if (!isDirectory(options.cwd)) return "ENOENT";
  const file = launch.file.includes("/") ? path.resolve(options.cwd, launch.file) : launch.file;
  if (findOnPath(file, options.env["PATH"] ?? "/usr/bin:/bin") !== undefined) return undefined;
  return file.includes("/") && existsSync(file) ? "EACCES" : "ENOENT";
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
