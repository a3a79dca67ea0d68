import { constants } from "node:os";
import type { ExecutionOutcome } from "../execute/types.js";
import type { Decision } from "../llm/types.js";

/** Pure: `850 ms`, `12.3s`, `4m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1_000);
  if (seconds < 3_600)
    return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3_600)}h ${String(Math.floor(seconds / 60) % 60).padStart(2, "0")}m`;
}

/** Pure: why a step failed, in a few words: `exit 3`, `timed out`, `killed by SIGKILL`… */
export function describeFailure(outcome: ExecutionOutcome): string {
  if (outcome.spawnError !== undefined) return outcome.spawnError;
  if (outcome.timedOut) return "timed out";
  if (outcome.canceled) return "canceled";
  if (outcome.signal !== null) return `killed by ${outcome.signal}`;
  if (outcome.exitCode === null) return "exit unknown";
  return `exit ${outcome.exitCode}${signalHint(outcome.exitCode)}`;
}

/** A shell reports a command killed by signal N as exit 128+N; say which signal. */
function signalHint(exitCode: number): string {
  const name = Object.entries(constants.signals).find(
    ([, number]) => number === exitCode - 128,
  )?.[0];
  if (exitCode <= 128 || name === undefined) return "";
  if (name === "SIGPIPE") {
    return " (a command died of SIGPIPE: with pipefail, `cmd | head` fails when cmd writes on)";
  }
  return ` (a command died of ${name})`;
}

/** Pure: a post-step decision and what it changed: `skip steps 4, 5 (reason)`, `continue (…)`. */
export function describeDecision(decision: Decision, applied: readonly number[]): string {
  const what =
    decision.action === "skip" && applied.length > 0
      ? `skip step${applied.length === 1 ? "" : "s"} ${applied.join(", ")}`
      : decision.action === "abort"
        ? "abort the run"
        : "continue";
  const why =
    decision.source === "llm"
      ? decision.reasoning
      : `no usable answer: ${decision.fallbackReason ?? "unknown"}`;
  return `${what} (${why})`;
}
