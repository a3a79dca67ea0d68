import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Interpreter } from "../../src/core/runbook.js";

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "execute",
);

/** The text of a fixture script, run as a step's script. */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** What the parser gives a `bash` fence. */
export const BASH: Interpreter = { program: "bash", args: ["-c"], scriptVia: "argument" };

/** A fresh directory for pid files. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "runbook-exec-execute-"));
}

/** Minimal environment for children: enough to find programs. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...extra };
}

/**
 * True while a process with this pid runs. A zombie (dead, waiting for PID 1 to reap it, which
 * here can take seconds) has not survived; `kill(pid, 0)` alone would still find it.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false; // gone between the two checks
  }
}

/** Waits until `pid` is gone (orphans are reaped by init asynchronously), up to `ms`. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !alive(pid);
}

/** Reads a pid a fixture wrote, waiting for the file to appear. */
export async function readPid(file: string, ms = 5_000): Promise<number> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const text = readFileSync(file, "utf8").trim();
      if (text !== "") return Number(text);
    } catch {
      // not written yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no pid in ${file} after ${ms} ms`);
}
