// bench/read-only-share: how many steps of the real runbooks in ../shared/corpus/runbooks the
// rules alone rate `read_only` (the steps that run with nobody watching). The closed-world
// classifier must not turn everyday diagnostics into approvals: this share must not fall.
import { readFileSync } from "node:fs";
import path from "node:path";
import { corpusRunbooks, CORPUS_RUNBOOKS_DIR } from "../../__tests__/helpers/corpus.js";
import { classifyCommands, loadBashParser } from "../../src/classify/index.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";
import { printTable } from "../lib/measure.js";

const parser = await loadBashParser();
const counts = { read_only: 0, modifying: 0, destructive: 0 };
const verbose = process.argv.includes("--list");
for (const file of corpusRunbooks()) {
  const source = decodeRunbook(file, readFileSync(file));
  const runbook = parseRunbook(source, {
    defaultShell: "bash",
    interpreters: {},
    inlineCodeCommands: false,
  });
  for (const step of runbook.steps) {
    if (step.commands.length === 0) continue;
    const verdict = classifyCommands(parser, step.commands);
    counts[verdict.risk]++;
    if (verbose)
      console.log(
        `${verdict.risk}\t${path.relative(CORPUS_RUNBOOKS_DIR, file)}:${step.line}\t${verdict.reasons.map((r) => r.ruleId).join(",")}`,
      );
  }
}
const total = counts.read_only + counts.modifying + counts.destructive;
printTable(
  ["level", "steps", "share"],
  (["read_only", "modifying", "destructive"] as const).map((level) => [
    level,
    String(counts[level]),
    `${((100 * counts[level]) / Math.max(total, 1)).toFixed(1)} %`,
  ]),
);
