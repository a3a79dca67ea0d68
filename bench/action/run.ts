// bench/action: the bundled action as the runner starts it (`node dist/index.js`, INPUT_* and
// GITHUB_* variables, a push event): cold start, one runbook, 200 runbooks, and the bundle size,
// against `node -e ''` start-up measured in the same run.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, median, printTable, type Measurement } from "../lib/measure.js";
import { generateRunbooks } from "../validate/generate.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = path.join(ROOT, "bench/.work/action");
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 10);
const TARGET_ONE_MS = 300;
const TARGET_BUNDLE_BYTES = 5 * 1024 * 1024;

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const empty = path.join(WORK, "empty.js");
writeFileSync(empty, "");
const runner = path.join(WORK, "runner");
mkdirSync(runner);
writeFileSync(path.join(runner, "event.json"), JSON.stringify({ ref: "refs/heads/main" }));
// The runner creates these before the step starts; the action appends to them.
writeFileSync(path.join(runner, "output"), "");
writeFileSync(path.join(runner, "summary.md"), "");

/** A workspace with `count` generated runbooks under runbooks/. */
function workspace(name: string, count: number): string {
  const dir = path.join(WORK, name);
  mkdirSync(dir, { recursive: true });
  if (count > 0) generateRunbooks(path.join(dir, "runbooks"), count, 20);
  return dir;
}

/** The runner's environment for the action, rules only (no Anthropic key). */
function useRunnerEnv(dir: string): void {
  Object.assign(process.env, {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: path.join(runner, "event.json"),
    GITHUB_OUTPUT: path.join(runner, "output"),
    GITHUB_STEP_SUMMARY: path.join(runner, "summary.md"),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: runner,
    "INPUT_FAIL-ON": "never",
    INPUT_FORMAT: "annotations,summary",
    INPUT_PATHS: "runbooks/**/*.md",
  });
  delete process.env["ANTHROPIC_API_KEY"];
}

// The action as `npm run bundle` builds it (action.js with its index.js and post.js launchers),
// out of reach of the repository's node_modules.
const dist = path.join(mkdtempSync(path.join(tmpdir(), "bench-action-")), "dist");
execFileSync(process.execPath, ["scripts/bundle.js", "--out-dir", dist, "--entry", "index.js"], {
  cwd: ROOT,
});
const bundle = path.join(dist, "index.js");
const scenarios: { name: string; run: () => Promise<Measurement> }[] = [
  { name: "node -e ''", run: () => measureNode(empty, [], WORK) },
  ...[
    ["action, cold start (no runbooks)", workspace("ws-0", 0)],
    ["action, 1 runbook", workspace("ws-1", 1)],
    ["action, 200 runbooks", workspace("ws-200", 200)],
  ].map(([name = "", dir = ""]) => ({
    name,
    run: () => {
      useRunnerEnv(dir);
      return measureNode(bundle, [], dir);
    },
  })),
];

const results = new Map<string, Measurement[]>(scenarios.map((s) => [s.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const scenario of scenarios) {
    const measurement = await scenario.run();
    if (measurement.exitCode !== 0)
      throw new Error(`${scenario.name} exited ${measurement.exitCode}`);
    results.get(scenario.name)?.push(measurement);
  }
}

const baseline = median((results.get("node -e ''") ?? []).map((m) => m.wallMs));
const rows = scenarios.map(({ name }) => {
  const runs = results.get(name) ?? [];
  const wall = median(runs.map((m) => m.wallMs));
  const rss = median(runs.map((m) => m.peakRssBytes)) / 1024 / 1024;
  return [
    name,
    `${wall.toFixed(0)} ms`,
    `+${(wall - baseline).toFixed(0)} ms`,
    `${rss.toFixed(0)} MiB`,
  ];
});
console.log(`\nbench/action: median of ${ROUNDS} rounds, Node ${process.version}\n`);
printTable(["scenario", "wall (median)", "over node -e ''", "peak RSS"], rows);

const size = (file: string): number => statSync(path.join(dist, file)).size;
const total = readdirSync(dist).reduce((sum, file) => sum + size(file), 0);
console.log("");
printTable(
  ["bundle", "bytes", "MiB"],
  [
    ["dist/action.js", String(size("action.js")), (size("action.js") / 1024 / 1024).toFixed(2)],
    ["dist/ total (with WASM)", String(total), (total / 1024 / 1024).toFixed(2)],
  ],
);
const one = median((results.get("action, 1 runbook") ?? []).map((m) => m.wallMs));
console.log(
  `\ntargets: 1 runbook < ${TARGET_ONE_MS} ms wall: ${one < TARGET_ONE_MS ? "met" : "MISSED"} (${one.toFixed(0)} ms); ` +
    `bundle < 5 MiB: ${total < TARGET_BUNDLE_BYTES ? "met" : "MISSED"} (${(total / 1024 / 1024).toFixed(2)} MiB with WASM)`,
);
