// bench/hostile: each pathological input of issue 9, generated into a temp dir, timed through
// `runbook-exec validate` beside markdownlint-cli2 on the same file, in the same run. Every run
// is capped (BENCH_TIMEOUT_S, default 120 s) so a hang shows as "> cap", not as a stuck bench.
// `BENCH_CLI=path/to/cli.js` times another bundle (e.g. one built with `bundle.js --out-dir`).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { printTable } from "../lib/measure.js";
import { HOSTILE_INPUTS } from "./inputs.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.resolve(ROOT, process.env.BENCH_CLI ?? "dist/cli.js");
const MARKDOWNLINT = path.join(ROOT, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 120) * 1000;

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run bundle\` first`);

interface Timed {
  readonly ms: number;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node script args`, killing it at the cap; stdout kept to read the findings. */
function timeNode(script: string, args: readonly string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, timedOut, stdout, stderr });
    });
  });
}

/** What validate said about the file: its RB019 finding, or the first step's verdict and reason. */
function outcome(result: Timed): string {
  if (result.timedOut) return "killed at the cap";
  try {
    const report = JSON.parse(result.stdout) as {
      runbooks: {
        findings: { ruleId: string; line: number }[];
        steps: { risk: string; reasons: { ruleId: string }[] }[];
      }[];
    };
    const runbook = report.runbooks[0];
    const limit = runbook?.findings.find((finding) => finding.ruleId === "RB019");
    if (limit !== undefined) return `RB019 at line ${limit.line}`;
    const step = runbook?.steps[0];
    if (step === undefined) return "no steps";
    return `${step.risk} (${step.reasons.map((reason) => reason.ruleId).join(", ")})`;
  } catch {
    return `no report: ${result.stderr.split("\n")[0]?.slice(0, 80) ?? ""}`;
  }
}

const seconds = (timed: Timed): string =>
  timed.timedOut ? `> ${TIMEOUT_MS / 1000} s` : `${(timed.ms / 1000).toFixed(2)} s`;

const work = mkdtempSync(path.join(tmpdir(), "bench-hostile-"));
const rows: string[][] = [];
try {
  for (const input of HOSTILE_INPUTS) {
    const file = path.join(work, `${input.name}.md`);
    writeFileSync(file, input.text(1));
    const ours = await timeNode(CLI, ["validate", "--no-llm", "--format", "json", file]);
    const theirs = await timeNode(MARKDOWNLINT, [file]);
    const ratio = ours.timedOut || theirs.timedOut ? "-" : (ours.ms / theirs.ms).toFixed(2);
    rows.push([
      `${input.name}: ${input.attacks}`,
      `${Math.round(statSync(file).size / 1024)} KB`,
      seconds(ours),
      seconds(theirs),
      ratio,
      outcome(ours),
    ]);
    console.error(`${input.name}: ${seconds(ours)} vs ${seconds(theirs)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(
  `\nEach input once, capped at ${TIMEOUT_MS / 1000} s; CLI: ${path.relative(ROOT, CLI)}\n`,
);
printTable(
  ["input", "size", "runbook-exec validate", "markdownlint-cli2", "ratio", "validate reports"],
  rows,
);
