// bench/run (1), through the whole run engine: 300 trivial auto-approved steps parsed, linted,
// classified and planned from a real runbook, then run by startLiveRun (the CLI's wiring:
// executeRun with the real executor, the live view and the fsynced audit log), against one
// bash script running the same 300 commands in the same process run. Part of `npm run bench:run`.
import { hostContainment } from "../../src/execute/containment.js";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/load.js";
import { ALL_RULES } from "../../src/lint/registry.js";
import { prepareRun } from "../../src/app/prepare-run.js";
import { buildRunStart } from "../../src/run/run-start.js";
import { startLiveRun } from "../../src/faces/cli/start-run.js";
import { median, printTable } from "../lib/measure.js";

const STEPS = 300;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const command = (index: number): string => `echo "step ${index}"`;

function writeRunbook(dir: string): string {
  const steps = Array.from({ length: STEPS }, (_, i) => {
    // The fence must sit under the item's content: indent by the marker's width (`10. ` is 4).
    const indent = " ".repeat(`${i + 1}. `.length);
    return `${i + 1}. Step ${i + 1}.\n\n${indent}\`\`\`bash\n${indent}${command(i + 1)}\n${indent}\`\`\`\n`;
  });
  const file = path.join(dir, "bench.md");
  writeFileSync(file, `# Bench\n\n${steps.join("\n")}`);
  return file;
}

interface Round {
  /** Median wall time from one step's published head to the next: gate + execute + record + view. */
  readonly stepMs: number;
  /** Median `durationMs` of the step results: the executor's share (spawn bash, wait, capture). */
  readonly executorMs: number;
  /** Whole run (open log … run_end) / steps. */
  readonly meanStepMs: number;
  /** One bash running the same commands, / steps. */
  readonly baselineMs: number;
  readonly recordsPerStep: number;
}

async function round(base: string): Promise<Round> {
  const dir = mkdtempSync(path.join(base, "bench-run-engine-"));
  const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin" };
  const config = await loadConfig({
    cwd: dir,
    env: {},
    overrides: { noLlm: true, auditLogDir: path.join(dir, "logs") },
    knownRules: ALL_RULES,
  });
  const prepared = await prepareRun({
    file: writeRunbook(dir),
    cwd: dir,
    env,
    config,
    fromStep: 1,
    resume: undefined,
    vars: {},
    riskModel: undefined,
  });
  if (prepared.steps.some((step) => step.needsApproval))
    throw new Error("a bench step needs approval");
  // The production wiring (startLiveRun), with stdout captured: the time each `audit head`
  // line is printed marks the end of a step.
  const heads: number[] = [];
  const stdout = {
    write(chunk: string): boolean {
      if (chunk.includes("audit head:")) heads.push(performance.now());
      return true;
    },
  };
  const started = performance.now();
  const exitCode = await startLiveRun(
    {
      prepared,
      config,
      startedAt: started,
      runStart: buildRunStart({
        runbook: { path: prepared.runbook.path, sha256: prepared.runbook.sha256, title: "bench" },
        config,
        flags: { forceLint: false, fromStep: 1, resume: null, parameters: {} },
        incidentId: undefined,
        mode: "live",
        previousLog: null,
        stepCount: STEPS,
        env,
        containment: hostContainment().mode,
      }),
      containment: hostContainment(),
    },
    { env, stdout, stderr: { write: () => true } },
  );
  const totalMs = performance.now() - started;
  const logPath = path.join(config.auditLogDir, readdirSync(config.auditLogDir)[0] ?? "");
  if (exitCode !== 0 || heads.length !== STEPS)
    throw new Error(`bench run failed: exit ${exitCode}`);
  const lines = readFileSync(logPath, "utf8").split("\n").filter(Boolean);
  const records = lines.length;
  const executorMs = median(
    lines
      .map((line) => /"type":"step_result".*"durationMs":(\d+)/.exec(line)?.[1])
      .filter((value): value is string => value !== undefined)
      .map(Number),
  );
  const intervals = heads.slice(1).map((at, i) => at - (heads[i] ?? at));

  const script = Array.from({ length: STEPS }, (_, i) => command(i + 1)).join("\n");
  const baselineStarted = performance.now();
  const baseline = spawnSync(
    "bash",
    ["--noprofile", "--norc", "-o", "errexit", "-o", "pipefail", "-c", script],
    { env },
  );
  const baselineMs = (performance.now() - baselineStarted) / STEPS;
  if (baseline.status !== 0) throw new Error("baseline bash script failed");
  rmSync(dir, { recursive: true, force: true });
  return {
    stepMs: median(intervals),
    executorMs,
    meanStepMs: totalMs / STEPS,
    baselineMs,
    recordsPerStep: (records - 2) / STEPS,
  };
}

// The audit log on the temp directory's disk (fsync waits for the device) and, where the
// machine has one, on tmpfs (fsync returns at once): the difference is the disk's latency.
const places: [string, string][] = [["disk (" + tmpdir() + ")", tmpdir()]];
if (existsSync("/dev/shm")) places.push(["tmpfs (/dev/shm)", "/dev/shm"]);
const ms = (value: number): string => `${value.toFixed(2)} ms`;
for (const [label, base] of places) {
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(base));
  const pick = (key: keyof Round): number => median(rounds.map((r) => r[key]));
  console.log(
    `\n(1b) ${STEPS} trivial auto-approved steps through the whole run engine (startLiveRun), audit log on ${label}, median of ${ROUNDS} rounds\n`,
  );
  printTable(
    ["measure", "per step"],
    [
      [
        `one step, head to head: gate + runStep + ${pick("recordsPerStep") - 1} fsynced records + live view (median)`,
        ms(pick("stepMs")),
      ],
      [
        "  of which runStep: spawn bash, wait, capture (median step_result.durationMs)",
        ms(pick("executorMs")),
      ],
      [
        "  of which the engine: gate, fsynced records, live view (difference of medians)",
        ms(pick("stepMs") - pick("executorMs")),
      ],
      ["whole run (open log … run_end) / steps (mean)", ms(pick("meanStepMs"))],
      [`one bash script running the same ${STEPS} commands, / ${STEPS}`, ms(pick("baselineMs"))],
      [
        "**median overhead per step** (target ≤ 5 ms)",
        `**${ms(pick("stepMs") - pick("baselineMs"))}**`,
      ],
      ["mean overhead per step", ms(pick("meanStepMs") - pick("baselineMs"))],
    ],
  );
}
