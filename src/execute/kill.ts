/**
 * Sends `signal` to every process in the group led by `pid` (a child spawned `detached`).
 * Returns false when the group no longer exists; other failures (EPERM) are thrown.
 */
export function killProcessGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

const POLL_MS = 20;
/** How long to wait for the kernel to remove SIGKILLed processes before giving up on them. */
const AFTER_KILL_MS = 500;

/**
 * Stops a whole process group (safety invariant 4): SIGTERM, then SIGKILL once `graceMs` has
 * passed if anything is left. Resolves as soon as the group is gone, at most about
 * `graceMs` + 0.5 s later, so a process that ignores SIGTERM cannot hold the caller.
 */
export async function terminateProcessGroup(pid: number, graceMs: number): Promise<void> {
  if (!killProcessGroup(pid, "SIGTERM")) return;
  if (await groupGoneWithin(pid, graceMs)) return;
  if (!killProcessGroup(pid, "SIGKILL")) return;
  await groupGoneWithin(pid, AFTER_KILL_MS);
}

async function groupGoneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!killProcessGroup(pid, 0)) return true;
  }
  return false;
}
