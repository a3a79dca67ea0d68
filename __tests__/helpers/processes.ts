import { readdirSync, readFileSync } from "node:fs";

/**
 * Pids of live processes (never this one, never PID 1) whose environment holds `name=value`.
 * A step's processes inherit its environment, in a PID namespace or not, so this finds them
 * by their host pid even where `$$` inside the step is a namespace's own number.
 */
export function processesWithEnv(name: string, value: string): number[] {
  const entry = Buffer.from(`${name}=${value}\0`);
  const found: number[] = [];
  for (const dir of readdirSync("/proc")) {
    if (!/^\d+$/.test(dir)) continue;
    const pid = Number(dir);
    if (pid <= 1 || pid === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue;
      const environ = readFileSync(`/proc/${pid}/environ`);
      const atStart = environ.subarray(0, entry.length).equals(entry);
      if (atStart || environ.includes(Buffer.concat([Buffer.from([0]), entry]))) found.push(pid);
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** Waits until `find()` returns nothing, up to `ms`; returns what is still there. */
export async function remainingAfter(find: () => number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = find();
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** SIGKILLs the given pids (test cleanup); refuses pids that would mean "a group" or "all". */
export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    if (!Number.isInteger(pid) || pid <= 1) throw new Error(`refusing to kill pid ${pid}`);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
