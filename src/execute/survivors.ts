import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Without a PID namespace, a step's processes are marked with this variable so that even a
 * `setsid` double fork, which leaves the step's session and process group, is found again.
 */
export const STEP_MARK_ENV = "RUNBOOK_EXEC_STEP_MARK";

/** A fresh, unguessable value for {@link STEP_MARK_ENV}. */
export function newStepMark(): string {
  return randomBytes(12).toString("hex");
}

/** A process's start time in clock ticks since boot (field 22 of its stat), if readable. */
export function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    // fields after "(comm) ": state is field 3, so starttime (field 22) is index 19.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pids (never this process, never PID 1) in session or process group `leader`, or carrying
 * `STEP_MARK_ENV=mark` in their environment. Only processes started no earlier than `since`
 * (the leader's start, in ticks) can be the step's, so only their environments are read.
 * Linux only (reads /proc); elsewhere `[]`.
 */
export function findSurvivors(leader: number, mark: string, since = 0): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const entry = Buffer.from(`${STEP_MARK_ENV}=${mark}\0`);
  const found: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid <= 1 || pid === process.pid) continue;
    const stat = liveStat(pid);
    if (stat === undefined || stat.start < since) continue;
    if (stat.pgrp === leader || stat.session === leader || hasEnvEntry(pid, entry)) found.push(pid);
  }
  return found;
}

/** Group, session and start of a live (not zombie) process. */
function liveStat(pid: number): { pgrp: number; session: number; start: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    // "pid (comm) state ppid pgrp session …"; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z" || fields[0] === "X") return undefined;
    return { pgrp: Number(fields[2]), session: Number(fields[3]), start: Number(fields[19]) };
  } catch {
    return undefined; // exited while we looked
  }
}

function hasEnvEntry(pid: number, entry: Buffer): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`);
    return (
      environ.subarray(0, entry.length).equals(entry) ||
      environ.includes(Buffer.concat([Buffer.from([0]), entry]))
    );
  } catch {
    return false; // gone, or another user's process
  }
}

/** SIGKILLs every survivor of a step; returns how many were found. */
export function killSurvivors(leader: number, mark: string, since = 0): number {
  const survivors = findSurvivors(leader, mark, since);
  for (const pid of survivors) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone already, or not ours to kill
    }
  }
  return survivors.length;
}
