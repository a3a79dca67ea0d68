import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Interpreter } from "../../src/core/runbook.js";
import { hostContainment, PROCESS_GROUP, type Containment } from "../../src/execute/containment.js";
import { processesWithEnv, remainingAfter } from "../helpers/processes.js";

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

/** What most tests run with: the fixtures folder as cwd, {@link baseEnv}, a 10 s timeout. */
export const COMMON = { cwd: FIXTURES, env: baseEnv(), timeoutMs: 10_000 } as const;

/** A `bash` script as runScript and runStep take it (`...bash(text)`). */
export function bash(script: string): {
  readonly interpreter: Interpreter;
  readonly script: string;
} {
  return { interpreter: BASH, script };
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

/**
 * Waits until no process of a step started with `PID_DIR=dir` runs (found by its environment,
 * so a PID namespace's own pids do not matter); true when all are gone within `ms`.
 */
export async function stepGoneWithin(dir: string, ms: number): Promise<boolean> {
  return (await remainingAfter(() => processesWithEnv("PID_DIR", dir), ms)).length === 0;
}

/**
 * Every containment this host offers: the process-group fallback always, and the namespace
 * mode when the host allows one, so each behaviour is pinned in both.
 */
export function containments(): readonly Containment[] {
  const host = hostContainment();
  return host.mode === PROCESS_GROUP.mode ? [PROCESS_GROUP] : [PROCESS_GROUP, host];
}
