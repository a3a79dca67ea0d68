// bench/validate: runbook-exec `validate` (parse + lint + classify, rules only) against
// markdownlint-cli2 (Markdown lint only) on the same files in the same run.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, median, printTable, type Measurement } from "../lib/measure.js";
import { generateRunbooks } from "./generate.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = path.join(ROOT, "bench/.work/validate");
const CORPUS = path.resolve(ROOT, "../shared/corpus/runbooks");
const CLI = path.join(ROOT, "dist/cli.js");
const MARKDOWNLINT = path.join(ROOT, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run bundle` first");

rmSync(WORK, { recursive: true, force: true });
generateRunbooks(path.join(WORK, "generated"), 1000, 20);
const corpusArgs = existsSync(CORPUS) ? [CORPUS] : [];

const contenders = {
  "runbook-exec validate": () =>
    measureNode(CLI, ["validate", "--no-llm", "--format", "json", WORK, ...corpusArgs], ROOT),
  "markdownlint-cli2": () =>
    measureNode(
      MARKDOWNLINT,
      [`${WORK}/**/*.md`, ...corpusArgs.map((dir) => `${dir}/**/*.md`)],
      ROOT,
    ),
};

const results: Record<string, Measurement[]> = {
  "runbook-exec validate": [],
  "markdownlint-cli2": [],
};
for (let round = 0; round < ROUNDS; round++) {
  // Alternate who goes first so page-cache and CPU-frequency effects fall on both sides.
  const order =
    round % 2 === 0
      ? (["runbook-exec validate", "markdownlint-cli2"] as const)
      : (["markdownlint-cli2", "runbook-exec validate"] as const);
  for (const name of order) results[name]?.push(await contenders[name]());
}

const summary = (name: string): { wall: number; rss: number } => {
  const runs = results[name] ?? [];
  return {
    wall: median(runs.map((run) => run.wallMs)),
    rss: median(runs.map((run) => run.peakRssBytes)),
  };
};
const ours = summary("runbook-exec validate");
const baseline = summary("markdownlint-cli2");
console.log(
  `\n1,000 generated runbooks x 20 steps + the shared corpus; median of ${ROUNDS} rounds\n`,
);
printTable(
  ["tool", "wall time", "peak RSS", "wall ratio", "RSS ratio"],
  [
    [
      "markdownlint-cli2 (baseline)",
      `${baseline.wall.toFixed(0)} ms`,
      `${(baseline.rss / 2 ** 20).toFixed(0)} MB`,
      "1.00",
      "1.00",
    ],
    [
      "runbook-exec validate",
      `${ours.wall.toFixed(0)} ms`,
      `${(ours.rss / 2 ** 20).toFixed(0)} MB`,
      (ours.wall / baseline.wall).toFixed(2),
      (ours.rss / baseline.rss).toFixed(2),
    ],
  ],
);
console.log(
  `\ntarget: wall ratio <= 1.00 -> ${ours.wall / baseline.wall <= 1 ? "met" : "NOT met"}`,
);
