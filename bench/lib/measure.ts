import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PEAK_RSS_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), "peak-rss.mjs");

/** One timed run of a Node program. */
export interface Measurement {
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly exitCode: number | null;
}

/**
 * Runs `node SCRIPT ARGS` with stdout discarded and returns its wall time and peak RSS
 * (read inside the child through a preload, so it is the child's own figure).
 */
export async function measureNode(
  script: string,
  args: readonly string[],
  cwd: string,
): Promise<Measurement> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-rss-"));
  const rssFile = path.join(dir, "rss");
  const started = process.hrtime.bigint();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", PEAK_RSS_PRELOAD, script, ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
      stdio: ["ignore", "ignore", "ignore"],
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const peakRssBytes = Number(readFileSync(rssFile, "utf8"));
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, peakRssBytes, exitCode };
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
