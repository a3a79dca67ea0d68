import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { z } from "zod";
import { bundlePath } from "../../helpers/bundles.js";
import { main } from "../../../src/faces/cli/main.js";
import { FakeStream } from "./harness.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");

/** `__tests__/fixtures/run/NAME`. */
export function runbook(name: string): string {
  return path.join(root, "__tests__", "fixtures", "run", name);
}

/** A fresh directory: the CLI's cwd, with its audit logs under `logs/`. */
export function workDir(): string {
  return mkdtempSync(path.join(tmpdir(), "runbook-exec-run-"));
}

/** An input that says it is a terminal, so the CLI asks the operator; answers are written to it. */
export class TtyInput extends PassThrough {
  readonly isTTY = true;
  setRawMode(): this {
    return this;
  }
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The minimal environment a step needs to find programs. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...extra };
}

/** `main()` in-process, as the bin calls it. */
export async function cli(
  argv: readonly string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: NodeJS.ReadableStream },
): Promise<CliResult> {
  const stdout = new FakeStream();
  const stderr = new FakeStream();
  const code = await main({
    argv,
    cwd: options.cwd,
    env: options.env ?? baseEnv(),
    stdout,
    stderr,
    stdin: options.stdin,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The CLI started in-process with a terminal on stdin: its streams, its exit and whether it ended. */
export interface TerminalRun {
  readonly stdin: TtyInput;
  readonly stdout: FakeStream;
  readonly stderr: FakeStream;
  readonly exit: Promise<number>;
  readonly settled: () => boolean;
}

/** Starts `main` with `argv` in `cwd`, {@link baseEnv} and a terminal on stdin, as an operator would. */
export function startAtTerminal(argv: readonly string[], cwd: string): TerminalRun {
  const stdin = new TtyInput();
  const stdout = new FakeStream();
  const stderr = new FakeStream();
  let settled = false;
  const exit = main({ argv, cwd, env: baseEnv(), stdout, stderr, stdin }).finally(
    () => (settled = true),
  );
  return { stdin, stdout, stderr, exit, settled: () => settled };
}

/** The audit logs in `dir/logs`, oldest name first. */
export function logs(dir: string): string[] {
  const logDir = path.join(dir, "logs");
  try {
    return readdirSync(logDir)
      .filter((name) => name.endsWith(".ndjson"))
      .sort()
      .map((name) => path.join(logDir, name));
  } catch {
    return [];
  }
}

/** The only audit log in `dir/logs`. */
export function onlyLog(dir: string): string {
  const found = logs(dir);
  if (found.length !== 1)
    throw new Error(`expected one audit log in ${dir}/logs, found ${found.length}`);
  return found[0] ?? "";
}

const logRecord = z.looseObject({ type: z.string() });
export type LogRecord = z.infer<typeof logRecord>;

/** Every complete line of a log, parsed. */
export function records(log: string): LogRecord[] {
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        const parsed = logRecord.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
}

/** The records of one type. */
export function ofType(log: string, type: string): LogRecord[] {
  return records(log).filter((record) => record.type === type);
}

/** `runbook-exec replay LOG`: 0 intact, 1 tampered, 2 unreadable, 3 incomplete. */
export async function replay(log: string, ...flags: readonly string[]): Promise<CliResult> {
  return cli(["replay", log, ...flags], { cwd: path.dirname(log) });
}

/**
 * The CLI in a child process, for signals and kill -9: from source through tsx, or the bundled
 * `cli.js` when `bundle` is given.
 */
export function spawnCli(
  args: readonly string[],
  options: {
    cwd: string;
    env: Record<string, string>;
    bundle?: string;
    /** stdout and stderr; default pipes (sockets, which /proc/<pid>/fd cannot reopen). */
    output?: readonly [number, number];
  },
): ChildProcess {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "esm", "index.mjs");
  const entry =
    options.bundle === undefined
      ? ["--import", tsx, path.join(root, "src", "faces", "cli", "bin.ts")]
      : [options.bundle];
  return spawn(process.execPath, [...entry, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", ...(options.output ?? (["pipe", "pipe"] as const))],
  });
}

/** The CLI's `dist/cli.js` as `scripts/bundle.js` built it (helpers/bundles.ts). */
export function cliBundle(): string {
  return bundlePath("cli.js");
}

/** Waits until `predicate` holds, polling every 20 ms, up to `ms`. */
export async function waitFor(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

/**
 * The CLI from source on a real pseudo-terminal (`pty-run.py`), typing each ANSWER once its
 * PROMPT has appeared; nobody types without answers. Its output, ending in `EXIT <code>`.
 */
export async function onPty(
  args: readonly string[],
  options: {
    cwd: string;
    env?: Record<string, string>;
    answers?: readonly (readonly [string, string])[];
  },
): Promise<{ output: string }> {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "esm", "index.mjs");
  const cli = [process.execPath, "--import", tsx, path.join(root, "src", "faces", "cli", "bin.ts")];
  const answers = (options.answers ?? []).flatMap((pair) => ["--answer", ...pair]);
  const { stdout } = await promisify(execFile)(
    "python3",
    [runbook("pty-run.py"), "60", ...answers, ...cli, ...args],
    { cwd: options.cwd, env: options.env ?? baseEnv() },
  );
  return { output: stdout };
}
