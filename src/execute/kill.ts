import { readFileSync, readdirSync } from "node:fs";

/**
 * Sends `signal` to every process in the group led by `pid` (a child spawned `detached`).
 * Returns false when the group no longer exists. EPERM (only processes of another user are
 * left, e.g. under `sudo`) counts as "still there": the caller waits its bounded time and
 * moves on rather than throwing halfway through stopping a step.
 */
export function killProcessGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ESRCH") return false;
    if (code === "EPERM") return true;
    throw error;
  }
}

/**
 * True while a process of the group is still running. A zombie does not count: orphans are
 * reaped by PID 1, which in containers can take seconds, and `kill(-pgid, 0)` still finds
 * them. Linux answers from /proc; elsewhere any member, zombie or not, counts.
 */
export function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return signalable(pgid);
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "latin1");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
  }
  return false;
}

function signalable(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const POLL_MS = 20;
/** How long to wait for the kernel to remove SIGKILLed processes before giving up on them. */
const AFTER_KILL_MS = 500;

/**
 * Stops a whole process group (safety invariant 4): SIGTERM, then SIGKILL once `graceMs` has
 * passed if anything still runs. Resolves as soon as nothing in the group runs, at most about
 * `graceMs` + 0.5 s later, so a process that ignores SIGTERM cannot hold the caller.
 */
export async function terminateProcessGroup(pid: number, graceMs: number): Promise<void> {
  if (!killProcessGroup(pid, "SIGTERM")) return;
  if (await stoppedWithin(pid, graceMs)) return;
  if (!killProcessGroup(pid, "SIGKILL")) return;
  await stoppedWithin(pid, AFTER_KILL_MS);
}

async function stoppedWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!groupAlive(pid)) return true;
  }
  return false;
}
