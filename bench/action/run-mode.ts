// bench/action run mode: `command: run` of the bundled action (node dist/index.js, as the
// runner starts it, against the fake artifact service) on a 20-step read-only runbook, against
// `node dist/cli.js run` of the same runbook in the same run: per-step overhead (target: the
// action within 2× of the CLI), cold start, and the bundle size (target ≤ 6 MB with the
// artifact client). `npm run bench:action-run`; BENCH_ROUNDS (default 5).
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startFakeArtifacts } from "../../__tests__/helpers/fake-artifacts.js";
import { measureNode, median, printTable } from "../lib/measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = mkdtempSync(path.join(tmpdir(), "bench-action-run-"));
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const STEPS = 20;
const TARGET_RATIO = 2;
const TARGET_BUNDLE_BYTES = 6 * 1000 * 1000;

const dist = path.join(WORK, "dist");
execFileSync(process.execPath, ["scripts/bundle.js", "--out-dir", dist], { cwd: ROOT });

/**
 * A workspace with one runbook of `count` read-only steps (`echo`). Each fence is indented to
 * its item's content (`10. ` needs four spaces, not three), or from step 10 on it would belong to
 * no step and the run would refuse the runbook: the benchmark checks it ran every step below.
 */
function workspace(count: number): string {
  const dir = path.join(WORK, `ws-${count}`);
  mkdirSync(path.join(dir, "runbooks"), { recursive: true });
  const steps = Array.from({ length: count }, (_, i) => {
    const marker = `${i + 1}. `;
    const indent = " ".repeat(marker.length);
    return `${marker}Step ${i + 1}\n\n${indent}\`\`\`bash\n${indent}echo "step ${i + 1}"\n${indent}\`\`\`\n`;
  });
  writeFileSync(path.join(dir, "runbooks", "r.md"), `# Bench\n\n${steps.join("\n")}`);
  return dir;
}

const runner = path.join(WORK, "runner");
mkdirSync(path.join(runner, "temp"), { recursive: true });
writeFileSync(path.join(runner, "event.json"), JSON.stringify({ inputs: {} }));
for (const file of ["output", "summary.md", "state"]) writeFileSync(path.join(runner, file), "");
const artifacts = await startFakeArtifacts();

function useRunnerEnv(dir: string): void {
  Object.assign(process.env, {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_EVENT_PATH: path.join(runner, "event.json"),
    GITHUB_OUTPUT: path.join(runner, "output"),
    GITHUB_STEP_SUMMARY: path.join(runner, "summary.md"),
    GITHUB_STATE: path.join(runner, "state"),
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: "acme/ops",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "1",
    RUNNER_TEMP: path.join(runner, "temp"),
    ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
    ACTIONS_RESULTS_URL: artifacts.url,
    INPUT_COMMAND: "run",
    INPUT_RUNBOOK: "runbooks/r.md",
    INPUT_APPROVAL: "environment",
    "INPUT_UPLOAD-ARTIFACT": "true",
  });
  delete process.env["ANTHROPIC_API_KEY"];
}

/** The action's `steps-succeeded` output, read from the runner's output file. */
function stepsSucceeded(): number {
  const text = readFileSync(path.join(runner, "output"), "utf8");
  const match = /^steps-succeeded<<(\S+)\n(\d+)\n\1$/m.exec(text);
  return Number(match?.[2] ?? Number.NaN);
}

/** One action run of the runbook in `dir`, which must run all of its `count` steps. */
async function actionRun(dir: string, count: number) {
  useRunnerEnv(dir);
  process.env["INPUT_ARTIFACT-NAME"] = `a-${artifactRound++}`;
  writeFileSync(path.join(runner, "output"), "");
  const measurement = await measureNode(path.join(dist, "index.js"), [], dir);
  if (stepsSucceeded() !== count)
    throw new Error(
      `the action ran ${stepsSucceeded()} of ${count} steps: check the generated runbook`,
    );
  return measurement;
}

const one = workspace(1);
const many = workspace(STEPS);
let artifactRound = 0;
const scenarios = {
  "action run, 1 step": () => actionRun(one, 1),
  [`action run, ${STEPS} steps`]: () => actionRun(many, STEPS),
  "cli run, 1 step": () =>
    measureNode(path.join(dist, "cli.js"), ["run", "runbooks/r.md", "--no-llm"], one),
  [`cli run, ${STEPS} steps`]: () =>
    measureNode(path.join(dist, "cli.js"), ["run", "runbooks/r.md", "--no-llm"], many),
};
const results = new Map<string, number[]>(Object.keys(scenarios).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(scenarios)) {
    const measurement = await run();
    if (measurement.exitCode !== 0) throw new Error(`${name} exited ${measurement.exitCode}`);
    results.get(name)?.push(measurement.wallMs);
  }
}
await artifacts.close();
const wall = (name: string): number => median(results.get(name) ?? []);
const perStep = (face: "action" | "cli"): number =>
  (wall(`${face} run, ${STEPS} steps`) - wall(`${face} run, 1 step`)) / (STEPS - 1);

console.log(`\nbench/action run mode: median of ${ROUNDS} rounds, Node ${process.version}\n`);
printTable(
  ["scenario", "wall (median)"],
  [...results.keys()].map((name) => [name, `${wall(name).toFixed(0)} ms`]),
);
const ratio = perStep("action") / perStep("cli");
const total = readdirSync(dist)
  .filter((file) => !file.startsWith("cli") && !file.startsWith("lib"))
  .reduce((sum, file) => sum + statSync(path.join(dist, file)).size, 0);
console.log("");
printTable(
  ["measure", "value"],
  [
    ["per step, action", `${perStep("action").toFixed(1)} ms`],
    ["per step, CLI", `${perStep("cli").toFixed(1)} ms`],
    ["action / CLI", `${ratio.toFixed(2)}×`],
    ["cold start (action, 1 step)", `${wall("action run, 1 step").toFixed(0)} ms`],
    ["action bundle (index, post, WASM)", `${(total / 1e6).toFixed(2)} MB`],
  ],
);
console.log(
  `\ntargets: per-step within ${TARGET_RATIO}× of the CLI: ${ratio <= TARGET_RATIO ? "met" : "MISSED"}; ` +
    `bundle ≤ 6 MB: ${total <= TARGET_BUNDLE_BYTES ? "met" : "MISSED"}`,
);
rmSync(WORK, { recursive: true, force: true });
