import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const USAGE_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), "resource-usage.mjs");

/** One timed run of a Node program. */
export interface Measurement {
  readonly wallMs: number;
  readonly peakRssBytes: number;
  /**
   * User + system CPU time of all the child's threads: on a shared machine the figure that
   * other processes disturb least, and the one that counts work done on helper threads.
   */
  readonly cpuMs: number;
  readonly exitCode: number | null;
}

/**
 * Runs `node SCRIPT ARGS` with stdout discarded and returns its wall time, CPU time and peak
 * RSS (the last two read inside the child through a preload, so they are the child's own).
 */
export async function measureNode(
  script: string,
  args: readonly string[],
  cwd: string,
): Promise<Measurement> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-rss-"));
  const usageFile = path.join(dir, "usage.json");
  const started = process.hrtime.bigint();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", USAGE_PRELOAD, script, ...args], {
      cwd,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "ignore"],
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as {
    peakRssBytes: number;
    cpuMicros: number;
  };
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, peakRssBytes: usage.peakRssBytes, cpuMs: usage.cpuMicros / 1000, exitCode };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Prints rows as a Markdown table (pasted into the README as is). */
export function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  console.log(line(headers));
  console.log(line(headers.map(() => "---")));
  for (const row of rows) console.log(line(row));
}
