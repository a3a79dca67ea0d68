// bench/corpus: how many steps of real runbooks run without approval, before and after
// placeholders became parameters and pasted sessions in shell fences were read like `console`
// (issue 12). Reads ../shared/corpus/runbooks in place (never copied, never executed); the
// baseline is measured in the same run by classifying each step's scripts as written.
// Placeholders are bound to a dummy value, as an operator's `--var` would bind them.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { classifyCommands, loadBashParser } from "../../src/classify/index.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import type { Runbook, Step } from "../../src/core/runbook.js";
import { parseRunbook, readRunbookFile } from "../../src/parse/index.js";
import { classificationCommands, parameterizeRunbook } from "../../src/plan/parameterize.js";
import { parameterSpecs } from "../../src/plan/parameters.js";
import { printTable } from "../lib/measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = path.resolve(ROOT, "../shared/corpus/runbooks");
const DUMMY = "example-1";
const LIST_CHANGED = process.argv.includes("--list");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return /\.md(\.erb)?$/.test(name) && !/^(README|LICENSE)/i.test(name) ? [full] : [];
  });
}

/** The step's scripts as the tool read them before issue 12: sessions and placeholders as written. */
function asWritten(step: Step, runbook: Runbook): { language: string; script: string }[] {
  return step.commands.map((command) => {
    const block = runbook.codeBlocks.find((b) => b.line === command.line);
    return {
      language: command.language,
      script:
        block?.prompts?.kind === "session"
          ? block.value
          : (command.writtenScript ?? command.script),
    };
  });
}

interface Row {
  readonly where: string;
  readonly before: string;
  readonly after: string;
  readonly why: string;
  readonly command: string;
}

const parser = await loadBashParser({ bulk: true });
const options = { ...DEFAULT_CONFIG };
let steps = 0;
let readOnlyBefore = 0;
let readOnlyAfter = 0;
let withPlaceholders = 0;
let unbindable = 0;
let sessions = 0;
let unstepped = 0;
let strayFences = 0;
const changed: Row[] = [];
/** Rule ids behind the steps that still need approval after binding, with their step counts. */
const stillGated = new Map<string, number>();
const files = markdownFiles(CORPUS);
for (const file of files) {
  const parsed = parseRunbook(await readRunbookFile(file), options);
  const runbook = parameterizeRunbook(parsed, parser);
  const values = Object.fromEntries(parameterSpecs(runbook).map((spec) => [spec.name, DUMMY]));
  const stray = runbook.codeBlocks.filter(
    (b) => b.executable && b.kind === "fenced" && b.stepIndex === undefined,
  );
  if (runbook.steps.length === 0 && stray.length > 0) unstepped++;
  strayFences += stray.length;
  for (const step of runbook.steps) {
    if (step.commands.length === 0) continue;
    steps++;
    const uses = step.commands.flatMap((command) => command.placeholders ?? []);
    const hasSession = step.commands.some(
      (command) =>
        runbook.codeBlocks.find((b) => b.line === command.line)?.prompts?.kind === "session",
    );
    if (uses.length > 0) withPlaceholders++;
    if (uses.some((use) => use.binding.kind === "unbindable")) unbindable++;
    if (hasSession) sessions++;
    const before = classifyCommands(parser, asWritten(step, runbook)).risk;
    const verdict = classifyCommands(parser, classificationCommands(step, values));
    const after = verdict.risk;
    if (after !== "read_only")
      for (const id of new Set(verdict.reasons.map((reason) => reason.ruleId)))
        stillGated.set(id, (stillGated.get(id) ?? 0) + 1);
    if (before === "read_only") readOnlyBefore++;
    if (after === "read_only") readOnlyAfter++;
    if (before !== after) {
      const why = [uses.length > 0 ? "placeholders" : "", hasSession ? "session prompts" : ""]
        .filter((reason) => reason !== "")
        .join(" + ");
      changed.push({
        where: `${path.relative(CORPUS, file)}:${step.line}`,
        before,
        after,
        why: why === "" ? "other" : why,
        command: (step.commands[0]?.script ?? "").split("\n")[0] ?? "",
      });
    }
  }
}

const pct = (n: number): string => `${((100 * n) / Math.max(1, steps)).toFixed(1)}%`;
console.log(`bench:corpus: ${files.length} runbooks in ../shared/corpus/runbooks, rules only\n`);
printTable(
  ["figure", "before", "after", "after / before"],
  [
    ["steps with commands", String(steps), String(steps), "1.00"],
    [
      "rated read_only (run without approval)",
      `${readOnlyBefore} (${pct(readOnlyBefore)})`,
      `${readOnlyAfter} (${pct(readOnlyAfter)})`,
      (readOnlyAfter / Math.max(1, readOnlyBefore)).toFixed(2),
    ],
    ["with placeholders", `${withPlaceholders} (${pct(withPlaceholders)})`, "bound to a dummy", ""],
    ["  of which cannot be bound", "", `${unbindable} (${pct(unbindable)})`, ""],
    [
      "with a pasted session in a shell fence",
      `${sessions} (${pct(sessions)})`,
      "read like console",
      "",
    ],
    ["runbooks with fences but no numbered steps", "", String(unstepped), ""],
    ["executable fences outside steps", "", String(strayFences), ""],
  ],
);
const tally = new Map<string, number>();
for (const row of changed) {
  const key = `${row.before} → ${row.after} (${row.why})`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}
console.log(`\nsteps that changed level: ${changed.length}`);
printTable(
  ["change", "steps"],
  [...tally].sort((a, b) => b[1] - a[1]).map(([key, count]) => [key, String(count)]),
);
console.log("\nwhy the other steps still need approval (rule id: steps; a step may have several)");
printTable(
  ["rule", "steps"],
  [...stillGated]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([id, count]) => [id, String(count)]),
);
if (LIST_CHANGED) {
  console.log("");
  printTable(
    ["step", "before", "after", "why", "first line"],
    changed.map((row) => [row.where, row.before, row.after, row.why, row.command.slice(0, 70)]),
  );
} else {
  console.log("\n(pass -- --list to list every changed step for a check by hand)");
}
