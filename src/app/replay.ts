import path from "node:path";
import { buildChains, type ChainLink, type LogChain, type VerifiedLog } from "../audit/chain.js";
import type { ExpectedHead } from "../audit/head.js";
import { readAuditLogBytes } from "../audit/read-log.js";
import { assertAuditLog } from "../audit/recognise.js";
import { verifyAuditText } from "../audit/verify.js";
import { RunbookExecError } from "../core/errors.js";

/** `replay` exit codes (design.md, "Exit codes"). */
export const REPLAY_EXIT = { intact: 0, tampered: 1, unreadable: 2, incomplete: 3 } as const;

/** What `replay` verifies: the logs as typed, the audit key, a published head (one log only). */
export interface ReplayInput {
  readonly logs: readonly string[];
  readonly cwd: string;
  readonly key: string | undefined;
  readonly expectHead: ExpectedHead | undefined;
}

/** A log that could not be read, or is not an audit log. */
export interface UnreadableLog {
  readonly log: string;
  readonly error: RunbookExecError;
}

/** Every log verified on its own, grouped into resumed chains, and the exit code of the whole. */
export interface ReplayOutcome {
  readonly verified: readonly VerifiedLog[];
  readonly unreadable: readonly UnreadableLog[];
  readonly chains: readonly LogChain[];
  readonly exitCode: number;
}

/**
 * Verifies each log, then the links between them (`run_start.previousLog`). Only the logs given
 * are read: a path a log names is never opened, so a log cannot make `replay` read a device or
 * another user's file. Several logs need no `--expect-head` (it names one log's head).
 */
export async function replayLogs(input: ReplayInput): Promise<ReplayOutcome> {
  if (input.expectHead !== undefined && input.logs.length > 1) {
    throw new RunbookExecError(
      "USAGE",
      "--expect-head checks one log; give only the log whose head was published",
    );
  }
  const verified: VerifiedLog[] = [];
  const unreadable: UnreadableLog[] = [];
  const seen = new Set<string>();
  for (const log of input.logs) {
    const resolved = path.resolve(input.cwd, log);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    try {
      const result = verifyAuditText(await readAuditLogBytes(resolved), {
        key: input.key,
        expectHead: input.expectHead,
      });
      assertAuditLog(log, result);
      verified.push({ log, result });
    } catch (error) {
      if (!(error instanceof RunbookExecError)) throw error;
      unreadable.push({ log, error: relabel(error, log) });
    }
  }
  const chains = buildChains(verified);
  return { verified, unreadable, chains, exitCode: exitCodeOf(verified, unreadable, chains) };
}

/** The error naming the log as typed rather than its absolute path. */
function relabel(error: RunbookExecError, log: string): RunbookExecError {
  if (error.file === log) return error;
  return new RunbookExecError(error.code, error.message, {
    file: log,
    ...(error.line !== undefined && { line: error.line }),
    cause: error,
  });
}

/**
 * A broken chain or link wins (1), then an unreadable log (2), then a chain whose last run is
 * incomplete (3). A log that a later one resumed is incomplete by nature (the run crashed or
 * stopped): only the end of each chain must be complete.
 */
export function exitCodeOf(
  verified: readonly VerifiedLog[],
  unreadable: readonly UnreadableLog[],
  chains: readonly LogChain[],
): number {
  const links = chains.flatMap((chain) => [...chain.links.values()]);
  const brokenLink = links.some((link: ChainLink | null) => link?.status === "broken");
  if (brokenLink || verified.some((log) => log.result.status === "tampered"))
    return REPLAY_EXIT.tampered;
  if (unreadable.length > 0) return REPLAY_EXIT.unreadable;
  const ends = chains.map((chain) => chain.logs[chain.logs.length - 1]);
  if (ends.some((end) => end?.result.status === "incomplete")) return REPLAY_EXIT.incomplete;
  return REPLAY_EXIT.intact;
}
