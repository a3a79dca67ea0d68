// bench/corpus: how many steps of real runbooks run without approval, before and after
// placeholders became parameters and pasted sessions in shell fences were read like `console`
// (issue 12), held against hand labels of what each step really does (bench/corpus/labels.ts).
// Reads ../shared/corpus/runbooks in place (never copied, never executed); the baseline is
// measured in the same run by classifying each step's scripts as written. Placeholders are
// bound to a dummy value, as an operator's `--var` would bind them.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadBashParser } from "../../src/classify/index.js";
import { printTable } from "../lib/measure.js";
import { compareLabels } from "./compare.js";
import { STEP_LABELS, type StepLabel } from "./labels.js";
import { walkCorpus } from "./steps.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = path.resolve(ROOT, "../shared/corpus/runbooks");
const LIST_CHANGED = process.argv.includes("--list");

const parser = await loadBashParser({ bulk: true });
const walk = await walkCorpus(parser, CORPUS);
const { steps } = walk;
const count = (test: (step: (typeof steps)[number]) => boolean): number =>
  steps.filter(test).length;
const readOnlyBefore = count((s) => s.before === "read_only");
const readOnlyAfter = count((s) => s.after.risk === "read_only");
const withPlaceholders = count((s) => s.withPlaceholders);
const sessions = count((s) => s.withSession);
const pct = (n: number): string => `${((100 * n) / Math.max(1, steps.length)).toFixed(1)}%`;
const labels = compareLabels(steps, STEP_LABELS);

console.log(`bench:corpus: ${walk.files} runbooks in ../shared/corpus/runbooks, rules only\n`);
printTable(
  ["figure", "as written", "placeholders bound", "bound / written"],
  [
    ["steps with commands", String(steps.length), String(steps.length), "1.00"],
    [
      "rated read_only (run without approval)",
      `${readOnlyBefore} (${pct(readOnlyBefore)})`,
      `${readOnlyAfter} (${pct(readOnlyAfter)})`,
      (readOnlyAfter / Math.max(1, readOnlyBefore)).toFixed(2),
    ],
    ["with placeholders", `${withPlaceholders} (${pct(withPlaceholders)})`, "bound to a dummy", ""],
    ["  of which cannot be bound", "", `${count((s) => s.unbindable)}`, ""],
    [
      "with a pasted session in a shell fence",
      `${sessions} (${pct(sessions)})`,
      "read as console",
      "",
    ],
    ["runbooks with fences but no numbered steps", "", String(walk.unstepped), ""],
    ["executable fences outside steps", "", String(walk.strayFences), ""],
  ],
);

console.log("\nhand labels (bench/corpus/labels.ts): what each step does, read by a person");
const labelOrder: readonly StepLabel[] = ["read", "change", "interactive", "opaque", "broken"];
printTable(
  ["label", "steps", "share"],
  labelOrder.map((label) => {
    const n = labels.byLabel.get(label) ?? 0;
    return [label, String(n), pct(n)];
  }),
);
printTable(
  ["figure", "steps", "share"],
  [
    ["labelled read (the honest ceiling)", String(labels.ceiling), pct(labels.ceiling)],
    ["rated read_only", String(labels.ratedReadOnly), pct(labels.ratedReadOnly)],
    ["gap: labelled read, not rated read_only", String(labels.gap.length), pct(labels.gap.length)],
    ["false proofs: rated read_only, labelled otherwise", String(labels.falseProofs.length), ""],
    [
      "steps without a label / labels without a step",
      `${labels.unlabelled.length} / ${labels.stale.length}`,
      "",
    ],
  ],
);
const listed = (rows: typeof labels.gap): string[][] =>
  rows.map(({ step, label, why }) => [
    step.key,
    label,
    why,
    step.after.risk,
    [...new Set(step.after.reasons.map((r) => r.ruleId))].slice(0, 3).join(", "),
  ]);
if (labels.gap.length > 0) {
  console.log("\nthe gap, step by step");
  printTable(["step", "label", "why", "rated", "rules"], listed(labels.gap));
}
if (labels.falseProofs.length > 0) {
  console.log("\nFALSE PROOFS: rated read_only, but the step does more than read");
  printTable(["step", "label", "why", "rated", "rules"], listed(labels.falseProofs));
}
for (const key of labels.unlabelled)
  console.log(`no label for ${key}: label it in bench/corpus/labels.ts`);
for (const key of labels.stale) console.log(`label ${key} names no step with commands`);

const changed = steps.filter((s) => s.before !== s.after.risk);
const tally = new Map<string, number>();
const whyChanged = (s: (typeof steps)[number]): string =>
  [s.withPlaceholders ? "placeholders" : "", s.withSession ? "session prompts" : ""]
    .filter((reason) => reason !== "")
    .join(" + ") || "other";
for (const s of changed) {
  const key = `${s.before} → ${s.after.risk} (${whyChanged(s)})`;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}
console.log(`\nsteps whose level changed from as written to bound: ${changed.length}`);
printTable(
  ["change", "steps"],
  [...tally].sort((a, b) => b[1] - a[1]).map(([key, n]) => [key, String(n)]),
);
const stillGated = new Map<string, number>();
for (const s of steps)
  if (s.after.risk !== "read_only")
    for (const id of new Set(s.after.reasons.map((reason) => reason.ruleId)))
      stillGated.set(id, (stillGated.get(id) ?? 0) + 1);
console.log("\nwhy the other steps still need approval (rule id: steps; a step may have several)");
printTable(
  ["rule", "steps"],
  [...stillGated]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([id, n]) => [id, String(n)]),
);
if (LIST_CHANGED) {
  console.log("");
  printTable(
    ["step", "as written", "bound", "why", "label", "first line"],
    changed.map((s) => [
      s.key,
      s.before,
      s.after.risk,
      whyChanged(s),
      STEP_LABELS[s.key]?.[0] ?? "?",
      s.firstLine.slice(0, 70),
    ]),
  );
} else {
  console.log("\n(pass -- --list to list every changed step for a check by hand)");
}
if (labels.falseProofs.length > 0) process.exitCode = 1;
