// bench/run/containment.ts: what containment costs per script. The same trivial script runs
// through runScript in each mode this host offers, and as a bare Node spawn of bash (the floor),
// interleaved: every iteration runs each measure once, in a rotating order, so load that comes
// and goes on a shared machine hits all of them alike. The figure that matters is a mode's cost
// over the bare spawn of the same iteration (paired difference), median over the iterations of a
// round, median over rounds. Also measured: the chain used before (`setpriv --pdeathsig KILL` in
// front of `unshare`), to show what dropping that exec saves. Wall time on a loaded shared host
// is mostly waiting for a CPU, so the CPU time each measure costs (this process plus the children
// it reaped) is shown too; the load average is printed.
// `npm run bench:containment`; BENCH_ROUNDS (default 5), BENCH_SCRIPTS (default 100).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import {
  containmentPrefix,
  findOnPath,
  hostContainment,
  PROCESS_GROUP,
  type Containment,
} from "../../src/execute/containment.js";
import { runScript } from "../../src/execute/run-script.js";
import { median, printTable } from "../lib/measure.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const SCRIPTS = Number(process.env["BENCH_SCRIPTS"] ?? 100);
const BASH = { program: "bash", args: ["-c"], scriptVia: "argument" } as const;
const env = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", LANG: process.env["LANG"] ?? "C" };
const SCRIPT = 'echo "step"';

/** Wall time of one script through the executor under `containment`. */
async function executorMs(containment: Containment): Promise<number> {
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
    throw new Error(`bench script failed under ${containment.mode}: ${result.stderrHead}`);
  return performance.now() - started;
}

/** A bare `spawn("bash", ["-c", SCRIPT])` to `close`, stdin ignored as runScript does: the floor. */
function bareMs(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", SCRIPT], { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.resume();
    child.stderr.resume();
    child.on("close", () => resolve(performance.now() - started));
  });
}

const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/**
 * CPU time used so far by this process and by every child it has reaped (the wrappers, bash,
 * and what they reaped in turn), in ms. Unlike wall time it hardly depends on the machine's
 * load, so it shows what a mode costs where a shared 2-core host makes wall time noise.
 */
function cpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "latin1");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state): cutime and cstime (fields 16 and 17) are fields[13], [14].
  const children = (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  const self = process.cpuUsage();
  return children + (self.user + self.system) / 1000;
}

const host = hostContainment();
const unshare = findOnPath("unshare", env.PATH) ?? "unshare";
const setpriv = findOnPath("setpriv", env.PATH);
// Every namespace mode the host has (as root both work; the host uses the first).
const namespaces: Containment[] =
  host.mode === "process-group"
    ? []
    : (["pid-namespace", "user-pid-namespace"] as const)
        .map((mode) => ({ mode, prefix: containmentPrefix(mode, unshare) }))
        .filter((c) => host.mode === "pid-namespace" || c.mode === host.mode);
const before =
  setpriv === undefined || host.mode === "process-group"
    ? undefined
    : { mode: host.mode, prefix: [setpriv, "--pdeathsig", "KILL", "--", ...host.prefix] };

const measures: { readonly name: string; readonly run: () => Promise<number> }[] = [
  { name: "bare Node spawn of bash, to close (floor)", run: bareMs },
  { name: "runScript, `process-group` (scan for survivors)", run: () => executorMs(PROCESS_GROUP) },
  ...namespaces.map((c) => ({ name: `runScript, \`${c.mode}\``, run: () => executorMs(c) })),
  ...(before === undefined
    ? []
    : [
        {
          name: `runScript, \`${before.mode}\` as before (\`setpriv --pdeathsig KILL\` + \`unshare\`)`,
          run: () => executorMs(before),
        },
      ]),
];

const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(" ");
// per measure: the median time per round, and the median paired difference to bare per round
const perRound = measures.map(() => ({ ms: [] as number[], over: [] as number[] }));
const cpu = measures.map(() => 0);
for (let round = 0; round < ROUNDS; round++) {
  const times = measures.map(() => [] as number[]);
  const over = measures.map(() => [] as number[]);
  for (let i = 0; i < SCRIPTS; i++) {
    const order = measures.map((_, index) => (index + i) % measures.length);
    const taken = new Map<number, number>();
    for (const index of order) {
      const cpuBefore = cpuMs();
      taken.set(index, await (measures[index]?.run() ?? 0));
      cpu[index] = (cpu[index] ?? 0) + cpuMs() - cpuBefore;
    }
    const bare = taken.get(0) ?? NaN;
    for (const [index, ms] of taken) {
      times[index]?.push(ms);
      over[index]?.push(ms - bare);
    }
  }
  measures.forEach((_, index) => {
    perRound[index]?.ms.push(median(times[index] ?? [NaN]));
    perRound[index]?.over.push(median(over[index] ?? [NaN]));
  });
}
const ms = (value: number): string => `${value.toFixed(2)} ms`;
console.log(
  `\nContainment: ${SCRIPTS} interleaved iterations × ${ROUNDS} rounds; this host uses \`${host.mode}\`; ` +
    `${availableParallelism()} CPUs, ` +
    `load average ${load} at the start, ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")} at the end\n`,
);
const runs = ROUNDS * SCRIPTS;
const bareCpu = (cpu[0] ?? NaN) / runs;
printTable(
  ["measure", "wall per script", "wall over bare (paired)", "CPU per script", "CPU over bare"],
  measures.map((measure, index) => {
    const taken = median(perRound[index]?.ms ?? [NaN]);
    const extra = median(perRound[index]?.over ?? [NaN]);
    const cpuEach = (cpu[index] ?? NaN) / runs;
    return index === 0
      ? [measure.name, ms(taken), "", ms(cpuEach), ""]
      : [measure.name, ms(taken), ms(extra), ms(cpuEach), `**${ms(cpuEach - bareCpu)}**`];
  }),
);
