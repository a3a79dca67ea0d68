import { constants } from "node:os";
import type { ExecutionOutcome } from "./types.js";
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
