// bench/run (3): a step printing ~300 MB through the real CLI path (`runbook-exec run`, output to
// a file: redaction with secrets registered, escaping, the live view, the audit capture) against
// the same command piped to `cat` into a file, in the same run. BENCH_CLI runs a bundle (e.g.
// one built with `node scripts/bundle.js --out-dir /tmp/dist --entry cli.js`); by default the
// working tree's CLI runs through tsx.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median, printTable } from "../lib/measure.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);
const TARGET_RATIO = 5;
const MB = 1e6;
const LINES = 3_500_000;

const GENERATORS: readonly (readonly [string, string])[] = [
  [
    `${(LINES / 1e6).toFixed(1)} M log lines (awk)`,
    `awk 'BEGIN { for (i = 0; i < ${LINES}; i++) printf "2026-11-24T06:00:%02d.%06dZ INFO request handled path=/api/v1/items/%d status=200 ms=%d\\n", i % 60, i, i * 7, i % 97 }'`,
  ],
  // Process substitution, not a pipe: under pipefail `yes | head` fails with SIGPIPE (141).
  ["300 MB of `yes` lines", "head -c 300000000 < <(yes 'INFO request handled status=200')"],
];

// Secrets the run must redact, so the literal search has real work (and their encoded forms).
const SECRET_ENV = {
  DEPLOY_TOKEN: "dpl-7Hq2vX9kLm4Rz8Tn0pQ",
  DB_PASSWORD: "correct horse battery staple",
  STRIPE_KEY: "sk_live_51H8xYzAbCdEfGhIjKlMnOp",
  ANTHROPIC_API_KEY: "sk-ant-api03-benchmark-key-000000000000000000",
};

const USAGE_PRELOAD = path.join(ROOT, "bench/lib/resource-usage.mjs");
const cli = process.env["BENCH_CLI"];
// The loader by its full URL: the runs' working directory is a temporary one, where a bare
// `tsx` does not resolve.
const cliArgs =
  cli === undefined
    ? ["--import", import.meta.resolve("tsx"), path.join(ROOT, "src/faces/cli/bin.ts")]
    : [cli];
const work = mkdtempSync(path.join(tmpdir(), "bench-cli-output-"));
const out = path.join(work, "out.txt");
const usageFile = path.join(work, "usage.json");

function timed(file: string, args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(file, args, { cwd: work, env, stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`${file} ${args.join(" ")} exited ${run.status}`);
  return performance.now() - started;
}

/** The end of a file, as text: where the run's result line and summary are. */
function lastBytes(file: string, count: number): string {
  const fd = openSync(file, "r");
  try {
    const size = statSync(file).size;
    const buffer = Buffer.alloc(Math.min(count, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString("utf8");
  } finally {
    closeSync(fd);
  }
}

const rows: string[][] = [];
let worst = 0;
const loadBefore = loadavg()[0] ?? 0;
for (const [label, command] of GENERATORS) {
  const runbook = path.join(work, "print.md");
  writeFileSync(runbook, `# Print\n\n1. Print a lot.\n\n   \`\`\`bash\n   ${command}\n   \`\`\`\n`);
  const ours: number[] = [];
  const piped: number[] = [];
  const rss: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    piped.push(timed("bash", ["-c", `${command} | cat > ${out}`], process.env));
    bytes = statSync(out).size;
    const args = [
      ...["--import", USAGE_PRELOAD],
      ...cliArgs,
      ...["run", "--no-llm", "--no-llm-context", "--audit-log-dir", "logs"],
    ];
    ours.push(
      timed(
        "bash",
        ["-c", `"$0" "$@" ${JSON.stringify(runbook)} > ${out}`, process.execPath, ...args],
        {
          ...process.env,
          ...SECRET_ENV,
          NO_COLOR: "1",
          BENCH_USAGE_FILE: usageFile,
        },
      ),
    );
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as {
      peakRssBytes: number;
      cpuMicros: number;
    };
    rss.push(usage.peakRssBytes);
    cpu.push(usage.cpuMicros / 1000);
    if (!lastBytes(out, 4096).includes("✓ 1.")) throw new Error("the step failed through the CLI");
  }
  const oursMs = median(ours);
  const pipedMs = median(piped);
  worst = Math.max(worst, oursMs / pipedMs);
  rows.push([
    label,
    `${(bytes / MB).toFixed(0)} MB`,
    `${(pipedMs / 1000).toFixed(2)} s`,
    `${(oursMs / 1000).toFixed(2)} s`,
    `${(oursMs / pipedMs).toFixed(1)}x`,
    `${(median(cpu) / 1000).toFixed(2)} s`,
    `${(median(rss) / 2 ** 20).toFixed(0)} MiB`,
  ]);
}
rmSync(work, { recursive: true, force: true });

console.log(
  `\n(3) a step's output through \`runbook-exec run\` into a file, median of ${ROUNDS}` +
    ` (load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after)\n`,
);
printTable(
  [
    "step prints",
    "bytes",
    "`cmd | cat > file`",
    "`runbook-exec run > file`",
    "ratio",
    "CPU (run)",
    "peak RSS (run)",
  ],
  rows,
);
console.log(
  `\ntarget: within ${TARGET_RATIO}x of \`| cat\` -> ${worst <= TARGET_RATIO ? "met" : "NOT met"} (worst ${worst.toFixed(1)}x)`,
);
