// bench/run: (1) per-step overhead of 300 trivial steps against one bash script running the
// same commands; (2) 1 GiB of stdout through the executor against `bash -c 'cmd > /dev/null'`,
// with the executor's peak RSS. Run with `npm run bench:run`; BENCH_ROUNDS (default 3).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median, printTable } from "../lib/measure.js";
import { STEP_COUNT, measureSteps, type StepsMeasurement } from "./steps.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const mib = (bytes: number): string => `${(bytes / MIB).toFixed(0)} MiB`;
const LOG_LINE =
  "2026-11-24T06:00:00.000Z INFO request handled path=/api/v1/items status=200 ms=12";

// (1) steps
const rounds: StepsMeasurement[] = [];
for (let round = 0; round < ROUNDS; round++) rounds.push(await measureSteps());
const pick = (key: keyof StepsMeasurement): number => median(rounds.map((r) => r[key]));
const overhead = pick("stepMs") - pick("baselinePerStepMs");
console.log(`\n(1) ${STEP_COUNT} trivial auto-approved steps, median of ${ROUNDS} rounds\n`);
printTable(
  ["measure", "per step"],
  [
    ["one step: executor + live view + 4 fsynced audit records", ms(pick("stepMs"))],
    ["  of which runStep (spawn bash, wait, capture)", ms(pick("executorMs"))],
    ["  of which audit appends (4 records, each fsynced)", ms(pick("auditMs"))],
    ["for scale: bare Node spawn of the same bash command, to close", ms(pick("bareSpawnMs"))],
    [
      `one bash script running the same ${STEP_COUNT} commands, / ${STEP_COUNT}`,
      ms(pick("baselinePerStepMs")),
    ],
    ["**overhead per step** (target ≤ 5 ms)", `**${ms(overhead)}**`],
  ],
);

// (2) throughput and memory, for generators from "free" (zeros) to a realistic log pipeline
const GENERATORS: readonly (readonly [string, string])[] = [
  ["head -c 1GiB /dev/zero", `head -c ${GIB} /dev/zero`],
  ["dd if=/dev/zero bs=1M count=1024", "dd if=/dev/zero bs=1M count=1024 status=none"],
  // Process substitution, not a pipe: under pipefail `yes | head` fails with SIGPIPE (141).
  ["head -c 1GiB < <(yes '<log line>')", `head -c ${GIB} < <(yes '${LOG_LINE}')`],
];
const child = (command: string, mode = "executor"): { wallMs: number; peakRssBytes: number } => {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(HERE, "throughput-child.ts"), String(GIB), command, mode],
    { encoding: "utf8", cwd: HERE },
  );
  return JSON.parse(out) as { wallMs: number; peakRssBytes: number };
};
const shellMs = (script: string): number => {
  const started = performance.now();
  const run = spawnSync("bash", ["-c", script]);
  if (run.status !== 0) throw new Error(`baseline failed: ${script}`);
  return performance.now() - started;
};
const throughput = (wall: number): string => `${(GIB / MIB / (wall / 1000)).toFixed(0)} MiB/s`;
const rows: string[][] = [];
let peak = 0;
for (const [label, command] of GENERATORS) {
  const ours: number[] = [];
  const bare: number[] = [];
  const baseline: number[] = [];
  const piped: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const measured = child(command);
    ours.push(measured.wallMs);
    bare.push(child(command, "bare").wallMs);
    peak = Math.max(peak, measured.peakRssBytes);
    baseline.push(shellMs(`${command} > /dev/null`));
    piped.push(shellMs(`${command} | cat > /dev/null`));
  }
  const oursMs = median(ours);
  const bareMs = median(bare);
  const baseMs = median(baseline);
  const pipedMs = median(piped);
  rows.push([
    label,
    `${ms(oursMs)} (${throughput(oursMs)})`,
    `${ms(bareMs)} (${throughput(bareMs)})`,
    `${ms(baseMs)} (${throughput(baseMs)})`,
    `${ms(pipedMs)} (${throughput(pipedMs)})`,
    `${((baseMs / oursMs) * 100).toFixed(0)}%`,
    `${((pipedMs / oursMs) * 100).toFixed(0)}%`,
  ]);
}
const idle = child("idle").peakRssBytes;
console.log(
  `\n(2) 1 GiB to stdout through runScript vs \`bash -c 'cmd > /dev/null'\`, median of ${ROUNDS} rounds\n`,
);
printTable(
  [
    "cmd",
    "runScript",
    "bare Node spawn, no-op reader",
    "cmd > /dev/null",
    "cmd \\| cat > /dev/null",
    "runScript vs cmd > /dev/null (target ≥ 50%)",
    "runScript vs cmd \\| cat",
  ],
  rows,
);
console.log(
  `\nPeak RSS of the executor process, worst run: ${mib(peak)} (target ≤ 150 MiB); ` +
    `the same process idle (Node + tsx loader): ${mib(idle)}.`,
);
