// bench/validate: runbook-exec `validate` (parse + lint + classify, rules only) against
// markdownlint-cli2 (Markdown lint only) on the same files in the same run.
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, median, printTable, type Measurement } from "../lib/measure.js";
import { generateRunbooks } from "./generate.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = path.join(ROOT, "bench/.work/validate");
const CORPUS = path.resolve(ROOT, "../shared/corpus/runbooks");
// BENCH_CLI measures another bundle, e.g. one built from the working tree with
// `node scripts/bundle.js --out-dir /tmp/dist --entry cli.js` (dist/ is rebuilt only on main).
const CLI = path.resolve(process.env["BENCH_CLI"] ?? path.join(ROOT, "dist/cli.js"));
const MARKDOWNLINT = path.join(ROOT, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const FILES = 1000;
const STEPS_PER_FILE = 20;

if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run bundle` first");

rmSync(WORK, { recursive: true, force: true });
generateRunbooks(path.join(WORK, "generated"), FILES, STEPS_PER_FILE);
const corpusArgs = existsSync(CORPUS) ? [CORPUS] : [];
checkWhatWeFeed();

/** One input set, validated by both tools: runbook-exec's arguments and markdownlint's globs. */
interface Workload {
  readonly name: string;
  readonly dirs: readonly string[];
}
const workloads: Workload[] = [
  { name: "1,000 generated runbooks x 20 steps + the shared corpus", dirs: [WORK, ...corpusArgs] },
  ...(corpusArgs.length > 0 ? [{ name: "the shared corpus alone", dirs: corpusArgs }] : []),
];

const TOOLS = ["markdownlint-cli2", "runbook-exec validate"] as const;
type Tool = (typeof TOOLS)[number];
const measure = (tool: Tool, workload: Workload): Promise<Measurement> =>
  tool === "runbook-exec validate"
    ? measureNode(CLI, ["validate", "--no-llm", "--format", "json", ...workload.dirs], ROOT)
    : measureNode(
        MARKDOWNLINT,
        workload.dirs.map((dir) => `${dir}/**/*.md`),
        ROOT,
      );

interface Figures {
  readonly wall: number;
  readonly cpu: number;
  readonly rss: number;
}
const summary = (runs: readonly Measurement[]): Figures => ({
  wall: median(runs.map((run) => run.wallMs)),
  cpu: median(runs.map((run) => run.cpuMs)),
  rss: median(runs.map((run) => run.peakRssBytes)),
});

let met = true;
for (const workload of workloads) {
  const results: Record<Tool, Measurement[]> = {
    "markdownlint-cli2": [],
    "runbook-exec validate": [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate who goes first so page-cache and CPU-frequency effects fall on both sides.
    const order = round % 2 === 0 ? TOOLS : ([...TOOLS].reverse() as Tool[]);
    for (const tool of order) results[tool].push(await measure(tool, workload));
  }
  const baseline = summary(results["markdownlint-cli2"]);
  const ours = summary(results["runbook-exec validate"]);
  const row = (name: string, figures: Figures): string[] => [
    name,
    `${figures.cpu.toFixed(0)} ms`,
    `${figures.wall.toFixed(0)} ms`,
    `${(figures.rss / 2 ** 20).toFixed(0)} MB`,
    (figures.cpu / baseline.cpu).toFixed(2),
    (figures.wall / baseline.wall).toFixed(2),
    (figures.rss / baseline.rss).toFixed(2),
  ];
  console.log(`\n${workload.name}; median of ${ROUNDS} rounds\n`);
  printTable(
    ["tool", "CPU time", "wall time", "peak RSS", "CPU ratio", "wall ratio", "RSS ratio"],
    [row("markdownlint-cli2 (baseline)", baseline), row("runbook-exec validate", ours)],
  );
  met &&= ours.cpu <= baseline.cpu;
}
// CPU time (all threads) is the target: both tools run on one thread (no worker pool on either
// side), and on a shared machine wall time mostly measures the neighbours.
console.log(`\ntarget: CPU ratio <= 1.00 on every input set -> ${met ? "met" : "NOT met"}`);

/**
 * A figure is only worth something if the program did its whole job: every generated step must
 * come out with its command and no generated file may have a finding that says the generator got
 * the Markdown wrong (RB002, a fence outside its item). Fails the benchmark otherwise.
 */
function checkWhatWeFeed(): void {
  const generated = path.join(WORK, "generated");
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [CLI, "validate", "--no-llm", "--format", "json", generated],
      {
        encoding: "utf8",
        maxBuffer: 1 << 30,
      },
    );
  } catch (error) {
    // Exit 1 (error findings) still prints the report; anything else is a broken benchmark.
    const stdout = (error as { stdout?: unknown }).stdout;
    if (typeof stdout !== "string" || stdout === "") throw error;
    out = stdout;
  }
  const report = JSON.parse(out) as {
    runbooks: { path: string; steps: { commands: unknown[] }[]; findings: { ruleId: string }[] }[];
  };
  const steps = report.runbooks.flatMap((runbook) => runbook.steps);
  const withoutCommand = steps.filter((step) => step.commands.length !== 1).length;
  const misplaced = report.runbooks.flatMap((r) => r.findings).filter((f) => f.ruleId === "RB002");
  if (
    report.runbooks.length !== FILES ||
    steps.length !== FILES * STEPS_PER_FILE ||
    withoutCommand > 0 ||
    misplaced.length > 0
  ) {
    throw new Error(
      `generated input is wrong: ${report.runbooks.length} files, ${steps.length} steps, ` +
        `${withoutCommand} without exactly one command, ${misplaced.length} RB002 findings`,
    );
  }
  console.log(
    `checked: ${FILES} generated files, ${steps.length} steps, each with its command, no RB002`,
  );
}
