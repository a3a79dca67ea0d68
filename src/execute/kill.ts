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

/** A live (not zombie) process of a group, with its parent. */
interface Member {
  readonly pid: number;
  readonly ppid: number;
}

/**
 * The live processes of group `pgid`, or `undefined` where there is no /proc. A zombie does
 * not count: orphans are reaped by PID 1, which in containers can take seconds, and
 * `kill(-pgid, 0)` still finds them.
 */
function groupMembers(pgid: number): Member[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  const members: Member[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "latin1");
    } catch {
      continue; // exited while we looked
    }
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X")
      members.push({ pid: Number(entry), ppid: Number(ppid) });
  }
  return members;
}

/** True while a process of the group is still running (elsewhere than Linux: any member). */
export function groupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  return members === undefined ? signalable(pgid) : members.length > 0;
}

/**
 * In a PID namespace the step's first process is the namespace's init, which the kernel
 * shields from every signal it does not catch: SIGTERM is lost on it, where outside a
 * namespace it would have ended it. True when only `unshare` (the group leader) and such a
 * deaf init are left, so waiting out the grace would only delay the SIGKILL.
 */
function onlyDeafInitLeft(leader: number): boolean {
  const members = groupMembers(leader);
  if (members === undefined) return false;
  const others = members.filter((member) => member.pid !== leader);
  const [init, ...rest] = others;
  return init !== undefined && rest.length === 0 && init.ppid === leader && !catches(init.pid, 15);
}

/** Whether `pid` has a handler for signal number `signal` (`SigCgt` in its status). */
function catches(pid: number, signal: number): boolean {
  try {
    const caught = /^SigCgt:\s*([0-9a-f]+)/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return (
      caught?.[1] !== undefined && (BigInt(`0x${caught[1]}`) & (1n << BigInt(signal - 1))) !== 0n
    );
  } catch {
    return false;
  }
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
 * `graceMs` + 0.5 s later, so a process that ignores SIGTERM cannot hold the caller. With
 * `namespace`, the leader is `unshare` and SIGKILL comes as soon as only a namespace init that
 * cannot receive SIGTERM is left; killing that init ends every process of the namespace.
 */
export async function terminateProcessGroup(
  pid: number,
  graceMs: number,
  options: { readonly namespace?: boolean } = {},
): Promise<void> {
  if (!killProcessGroup(pid, "SIGTERM")) return;
  const settled = (): boolean =>
    !groupAlive(pid) || (options.namespace === true && onlyDeafInitLeft(pid));
  if ((await settledWithin(settled, graceMs)) && !groupAlive(pid)) return;
  if (!killProcessGroup(pid, "SIGKILL")) return;
  await settledWithin(() => !groupAlive(pid), AFTER_KILL_MS);
}

async function settledWithin(settled: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (settled()) return true;
  }
  return false;
}
