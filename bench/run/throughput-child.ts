// Runs in its own Node process: runs COMMAND (which must print BYTES) through runScript and
// prints one JSON line with the wall time and this process's peak RSS. With `idle` as the
// command, only the RSS of the same process doing nothing (Node + the TypeScript loader); with
// `bare` as the mode, a plain spawn with a no-op 'data' listener: Node's own pipe-reading limit.
import { spawn } from "node:child_process";
import { runScript } from "../../src/execute/run-script.js";

const bytes = Number(process.argv[2]);
const command = process.argv[3] ?? "idle";
if (process.argv[4] === "bare") {
  const started = performance.now();
  const seen = await new Promise<number>((resolve) => {
    const child = spawn("bash", ["-c", command], { stdio: ["ignore", "pipe", "inherit"] });
    let count = 0;
    child.stdout.on("data", (chunk: Buffer) => (count += chunk.length));
    child.on("close", () => resolve(count));
  });
  if (seen !== bytes) throw new Error(`bare spawn saw ${seen} bytes`);
  console.log(JSON.stringify({ wallMs: performance.now() - started, peakRssBytes: 0 }));
} else if (command === "idle") {
  console.log(JSON.stringify({ peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
} else {
  let seen = 0;
  const started = performance.now();
  const result = await runScript({
    interpreter: { program: "bash", args: ["-c"], scriptVia: "argument" },
    script: command,
    cwd: process.cwd(),
    env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin" },
    timeoutMs: 600_000,
    onOutput: (chunk) => (seen += chunk.length),
  });
  const wallMs = performance.now() - started;
  if (result.failed || result.stdoutBytes !== bytes || seen !== bytes) {
    throw new Error(`unexpected result: ${JSON.stringify({ ...result, seen })}`);
  }
  console.log(JSON.stringify({ wallMs, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
}
