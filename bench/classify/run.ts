// bench/classify: the rule classifier alone, in one process: parse + analyse + tool tables per
// command, and whole steps as validate classifies them. Commands come from the classifier's
// test table and the dcg corpus (read in place from ../shared/corpus).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDcgCorpus } from "../../__tests__/classify/dcg-corpus.js";
import { classifyCommands, classifyScript, loadBashParser } from "../../src/classify/index.js";
import { analyzeShell } from "../../src/shell/index.js";
import { median, printTable } from "../lib/measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const STEPS = 20_000;

const table = readFileSync(path.join(ROOT, "__tests__/fixtures/classify/commands.tsv"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "" && !line.startsWith("#"))
  .map((line) => line.split("\t").slice(2).join("\t").replaceAll("␤", "\n"));
const commands = [...table, ...loadDcgCorpus().map((c) => c.command)];
const parser = await loadBashParser();

/** Median milliseconds of `ROUNDS` runs of `work`, after one warm-up run. */
function time(work: () => void): number {
  work();
  const runs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

const parseMs = time(() => {
  for (const c of commands) parser.parse(c)?.delete();
});
const analyseMs = time(() => {
  for (const c of commands) analyzeShell(parser, c);
});
const classifyMs = time(() => {
  for (const c of commands) classifyScript(parser, "bash", c);
});
const rssBefore = process.memoryUsage().rss;
const stepsMs = time(() => {
  for (let i = 0; i < STEPS; i++) {
    const script = commands[i % commands.length] ?? "";
    classifyCommands(parser, [
      { language: "bash", script },
      { language: "bash", script: "kubectl get pods -n prod | grep -v Running" },
    ]);
  }
});
const rssGrowth = process.memoryUsage().rss - rssBefore;

const perCommand = (ms: number): [string, string] => [
  `${((ms * 1000) / commands.length).toFixed(1)} µs`,
  `${Math.round(commands.length / (ms / 1000)).toLocaleString("en-US")}/s`,
];
console.log(
  `\n${commands.length} commands (test table + dcg corpus), median of ${ROUNDS} rounds\n`,
);
printTable(
  ["stage", "per command", "throughput"],
  [
    ["tree-sitter parse only", ...perCommand(parseMs)],
    ["analyzeShell (parse + walk + unwrap)", ...perCommand(analyseMs)],
    ["classifyScript (all of it)", ...perCommand(classifyMs)],
  ],
);
console.log(
  `\n${STEPS.toLocaleString("en-US")} two-fence steps through classifyCommands: ${(stepsMs / 1000).toFixed(2)} s, RSS growth ${(rssGrowth / 1e6).toFixed(1)} MB\n`,
);
