// bench/replay: `replay` (read + verify the chain + build and render the timeline) of a
// 100,000-record log, against the floor of any NDJSON reader (JSON.parse of every line of the
// same file), in the same run. Target: replay ≤ 2 s.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { replayCommand } from "../../src/faces/cli/commands/replay.js";
import { measureNode, median, printTable, type Measurement } from "../lib/measure.js";
import { generateLog } from "./generate.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = path.join(ROOT, "bench/.work/replay");
// `BENCH_CLI=path/to/cli.js` times another bundle (e.g. one built with `bundle.js --out-dir`).
const CLI = path.resolve(ROOT, process.env.BENCH_CLI ?? "dist/cli.js");
const BASELINE_SCRIPT = path.join(ROOT, "bench/replay/parse-lines.mjs");
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_MS = 2000;
const KEY = "bench-audit-key";

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const plainLog = path.join(WORK, "plain.ndjson");
const keyedLog = path.join(WORK, "keyed.ndjson");
const head = await generateLog(plainLog, RECORDS);
await generateLog(keyedLog, RECORDS, KEY);

// Output is thrown away, as with `> /dev/null`; rendering it is part of what is timed.
const sink = { write: (_chunk: string): boolean => true };

async function replay(log: string, json: boolean, env: Record<string, string> = {}): Promise<void> {
  const code = await replayCommand({
    options: { logs: [log], json, expectHead: head },
    cwd: ROOT,
    env,
    stdout: sink,
    stderr: sink,
  });
  if (code !== 0) throw new Error(`replay of ${log} exited ${code}, expected 0`);
}

function parseEveryLine(log: string): void {
  for (const line of readFileSync(log, "utf8").split("\n")) if (line !== "") JSON.parse(line);
}

/** Full GC between measurements when node runs with --expose-gc (the npm script does). */
function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, "gc");
  if (typeof gc === "function") gc();
}

const inProcess: Record<string, () => Promise<void> | void> = {
  "baseline: JSON.parse every line": () => parseEveryLine(plainLog),
  "replay (text timeline)": () => replay(plainLog, false),
  "replay --json": () => replay(plainLog, true),
  "replay, key set (macs checked)": () => replay(keyedLog, false, { RUNBOOK_EXEC_AUDIT_KEY: KEY }),
};
const names = Object.keys(inProcess);
const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so warm-up and GC pressure do not favour one contender.
  const order = names.map((_n, i) => names[(i + round) % names.length] ?? "");
  for (const name of order) {
    collectGarbage();
    const started = performance.now();
    await inProcess[name]?.();
    times[name]?.push(performance.now() - started);
  }
}

const mb = (statSync(plainLog).size / 1e6).toFixed(1);
const [load] = loadavg();
console.log(
  `\n${RECORDS.toLocaleString("en")} records (${mb} MB); in-process, median of ${ROUNDS} rounds; ` +
    `${availableParallelism()} CPUs, load average ${load?.toFixed(1) ?? "?"}\n`,
);
const baseline = median(times[names[0] ?? ""] ?? []);
printTable(
  ["contender", "median", "min", "x baseline", `≤ ${TARGET_MS / 1000} s`],
  names.map((name) => {
    const runs = times[name] ?? [];
    const mid = median(runs);
    const target = name.startsWith("baseline") ? "" : mid <= TARGET_MS ? "yes" : "NO";
    return [
      name,
      `${mid.toFixed(0)} ms`,
      `${Math.min(...runs).toFixed(0)} ms`,
      (mid / baseline).toFixed(2),
      target,
    ];
  }),
);

// The same comparison as separate processes (start-up included), when the bundle has `replay`.
if (bundleHasReplay()) {
  const runs: Record<"replay" | "baseline", Measurement[]> = { replay: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.replay.push(await measureNode(CLI, ["replay", plainLog, "--expect-head", head], ROOT));
    runs.baseline.push(await measureNode(BASELINE_SCRIPT, [plainLog], ROOT));
  }
  if (runs.replay.some((run) => run.exitCode !== 0)) {
    throw new Error("dist/cli.js replay did not exit 0 on the generated log");
  } else {
    const row = (name: string, list: Measurement[]): string[] => [
      name,
      `${median(list.map((run) => run.wallMs)).toFixed(0)} ms`,
      `${(median(list.map((run) => run.peakRssBytes)) / 2 ** 20).toFixed(0)} MiB`,
    ];
    console.log(`\nAs processes (node dist/cli.js vs node parse-lines.mjs), median of ${ROUNDS}\n`);
    printTable(
      ["process", "wall time", "peak RSS"],
      [row("runbook-exec replay", runs.replay), row("JSON.parse every line", runs.baseline)],
    );
  }
}

function bundleHasReplay(): boolean {
  const help = (): string => {
    try {
      return execFileSync(process.execPath, [CLI, "replay", "--help"], { encoding: "utf8" });
    } catch {
      return "";
    }
  };
  if (existsSync(CLI) && help().includes("--expect-head")) return true;
  console.log("\n(dist/cli.js has no `replay` yet: run `npm run bundle` for the process figures)");
  return false;
}
