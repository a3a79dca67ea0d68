// bench/run/containment.ts: what containment costs per script. The same trivial script runs
// through runScript N times in each mode this host offers (process group, PID namespace), and
// as a bare Node spawn of bash for the floor; the figure that matters is the namespace mode's
// time minus the process-group mode's, measured in the same run. `npm run bench:containment`;
// BENCH_ROUNDS (default 3), BENCH_SCRIPTS (default 200).
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import {
  containmentPrefix,
  findOnPath,
  hostContainment,
  PROCESS_GROUP,
  type Containment,
} from "../../src/execute/containment.js";
import { runScript } from "../../src/execute/run-script.js";
import { median, printTable } from "../lib/measure.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const SCRIPTS = Number(process.env["BENCH_SCRIPTS"] ?? 200);
const BASH = { program: "bash", args: ["-c"], scriptVia: "argument" } as const;
const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin" };
const SCRIPT = 'echo "step"';

/** Median wall time of one script through the executor under `containment`. */
async function executorMs(containment: Containment): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SCRIPTS; i++) {
    const started = performance.now();
    const result = await runScript({
      interpreter: BASH,
      script: SCRIPT,
      cwd: tmpdir(),
      env,
      timeoutMs: 10_000,
      containment,
    });
    if (result.exitCode !== 0 || result.stdoutHead !== "step\n")
      throw new Error(`bench script failed under ${containment.mode}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Median of a bare `spawn("bash", ["-c", SCRIPT])` (stdin ignored) to `close`: Node's floor. */
async function bareMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SCRIPTS; i++) {
    const started = performance.now();
    await new Promise((resolve) => {
      // stdin ignored as runScript does: an open stdin pipe alone costs ~250 ms per close here
      const child = spawn("bash", ["-c", SCRIPT], { env, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.resume();
      child.stderr.resume();
      child.on("close", resolve);
    });
    times.push(performance.now() - started);
  }
  return median(times);
}

const host = hostContainment();
// Every namespace mode, when the host has one at all: as root both work; the host uses the first.
const tools = {
  setpriv: findOnPath("setpriv", env.PATH) ?? "setpriv",
  unshare: findOnPath("unshare", env.PATH) ?? "unshare",
};
const modes: Containment[] =
  host.mode === "process-group"
    ? []
    : (["pid-namespace", "user-pid-namespace"] as const)
        .map((mode) => ({ mode, prefix: containmentPrefix(mode, tools) }))
        .filter((c) => host.mode === "pid-namespace" || c.mode === host.mode);
const results = new Map<string, number[]>();
const record = (key: string, value: number): void => {
  results.set(key, [...(results.get(key) ?? []), value]);
};
for (let round = 0; round < ROUNDS; round++) {
  record("bare", await bareMs());
  record("process-group", await executorMs(PROCESS_GROUP));
  for (const containment of modes) record(containment.mode, await executorMs(containment));
}
const pick = (key: string): number => median(results.get(key) ?? [NaN]);
const ms = (value: number): string => `${value.toFixed(2)} ms`;
console.log(
  `\nContainment: ${SCRIPTS} trivial scripts per mode, median of ${ROUNDS} rounds; this host uses \`${host.mode}\`\n`,
);
printTable(
  ["measure", "per script", "vs process-group"],
  [
    ["bare Node spawn of bash, to close (floor)", ms(pick("bare")), ""],
    ["runScript, `process-group` (watchdog + survivor scan)", ms(pick("process-group")), "1.00×"],
    ...modes.map((c) => [
      `runScript, \`${c.mode}\``,
      ms(pick(c.mode)),
      `${(pick(c.mode) / pick("process-group")).toFixed(2)}× (${ms(pick(c.mode) - pick("process-group"))})`,
    ]),
    ...modes.map((c) => [
      `**cost of \`${c.mode}\` over a bare spawn**`,
      `**${ms(pick(c.mode) - pick("bare"))}**`,
      "",
    ]),
  ],
);
