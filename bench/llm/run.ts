// bench/llm: Claude classification through `validate` against a fake Messages API that answers
// after 800 ms: batched + concurrent + cached (ours) against one request per step, sequentially,
// measured in the same run. Run with `npm run bench:llm`.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRiskModelFromEnv } from "../../src/adapters/anthropic/factory.js";
import { createAnthropicTransport } from "../../src/adapters/anthropic/transport.js";
import { DEFAULT_CONFIG, type Config } from "../../src/config/types.js";
import { validateRunbooks } from "../../src/app/validate.js";
import { createRiskModel, MAX_BATCH_STEPS } from "../../src/llm/classifier.js";
import type { RiskModel } from "../../src/risk/model.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { classifyEvery, startFakeAnthropic } from "../../__tests__/helpers/fake-anthropic.js";
import { median, printTable } from "../lib/measure.js";

const LATENCY_MS = 800;
// Any model id works against the fake; the SDK prints a deprecation warning on every request for
// the configured default (claude-sonnet-4-5, end of life 2026-11-30), which would bury the table.
const BASE_CONFIG: Config = { ...DEFAULT_CONFIG, llmModel: "claude-sonnet-4-6" };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = path.join(ROOT, "bench/.work/llm");
const EXAMPLES = path.join(ROOT, "examples");

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const hundred = path.join(WORK, "hundred-steps.md");
writeFileSync(hundred, hundredStepRunbook());
const files = [
  ...readdirSync(EXAMPLES)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(EXAMPLES, name)),
  hundred,
];

// The fake "Claude" agrees with what the rules proved, after LATENCY_MS.
const fake = await startFakeAnthropic(classifyEvery((step) => step.rules.floor, LATENCY_MS));
const env = { ANTHROPIC_API_KEY: "sk-ant-bench", ANTHROPIC_BASE_URL: fake.url };

interface Run {
  readonly requests: number;
  readonly wallMs: number;
  readonly sentSteps: number;
}

async function measure(targets: readonly string[], model: RiskModel, config: Config): Promise<Run> {
  const before = fake.requests.length;
  const started = performance.now();
  const { report } = await validateRunbooks(targets, { config, riskModel: model });
  const wallMs = performance.now() - started;
  const sentSteps = report.runbooks
    .flatMap((runbook) => runbook.steps)
    .filter((step) => step.commands.length > 0).length;
  return { requests: fake.requests.length - before, wallMs, sentSteps };
}

function oursFor(cacheDir: string): { model: RiskModel; config: Config } {
  const config: Config = { ...BASE_CONFIG, cacheDir };
  const model = createRiskModelFromEnv(env, config);
  if (model === undefined) throw new Error("no model: the factory did not see the key");
  return { model, config };
}

function perStepSequential(): RiskModel {
  return createRiskModel({
    transport: createAnthropicTransport({
      apiKey: env.ANTHROPIC_API_KEY,
      baseURL: fake.url,
      model: BASE_CONFIG.llmModel,
      timeoutMs: 30_000,
      maxRetries: 2,
    }),
    redact: createRedactor({ env: {} }),
    concurrency: 1,
    batchSize: 1,
  });
}

// Load the shell parser's WASM once, outside every measurement.
await validateRunbooks(files, { config: { ...BASE_CONFIG, noLlm: true } });

// One request's latency as `validate` sees it: a one-step runbook, one request.
const oneStep = path.join(WORK, "one-step.md");
writeFileSync(oneStep, "# One step\n\n1. Look.\n\n   ```bash\n   uptime\n   ```\n");
const singles: Run[] = [];
for (let round = 0; round < 3; round++)
  singles.push(await measure([oneStep], perStepSequential(), BASE_CONFIG));
const single = { wallMs: median(singles.map((run) => run.wallMs)) };

const rows: string[][] = [];
const failures: string[] = [];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
for (const file of files) {
  const name = path.basename(file);
  const { model, config } = oursFor(path.join(WORK, `cache-${name}`));
  const cold = await measure([file], model, config);
  const warm = await measure([file], oursFor(config.cacheDir).model, config);
  const baseline = await measure([file], perStepSequential(), config);
  const limit = Math.ceil(cold.sentSteps / MAX_BATCH_STEPS);
  if (cold.requests > limit) failures.push(`${name}: ${cold.requests} cold requests > ${limit}`);
  if (warm.requests !== 0) failures.push(`${name}: ${warm.requests} warm requests`);
  if (file === hundred && cold.wallMs > 2 * single.wallMs)
    failures.push(`${name}: cold ${seconds(cold.wallMs)} > 2 x ${seconds(single.wallMs)}`);
  rows.push([
    name,
    String(cold.sentSteps),
    `${cold.requests} / ${seconds(cold.wallMs)}`,
    `${warm.requests} / ${seconds(warm.wallMs)}`,
    `${baseline.requests} / ${seconds(baseline.wallMs)}`,
    `${(baseline.wallMs / cold.wallMs).toFixed(1)}x`,
  ]);
}
const together = oursFor(path.join(WORK, "cache-all"));
const all = await measure(files, together.model, together.config);
rows.push([
  "all five at once",
  String(all.sentSteps),
  `${all.requests} / ${seconds(all.wallMs)}`,
  "",
  "",
  "",
]);

console.log(
  `\nFake Messages API answering after ${LATENCY_MS} ms; one request alone (median of 3): ${seconds(single.wallMs)}; batches of ${MAX_BATCH_STEPS}, ${DEFAULT_CONFIG.llmConcurrency} in flight\n`,
);
printTable(
  [
    "runbook",
    "steps sent",
    "ours cold (requests / wall)",
    "ours warm",
    "one request per step, sequential",
    "speed-up (cold)",
  ],
  rows,
);
await fake.close();
if (failures.length > 0) {
  console.error(`\nTargets missed:\n${failures.join("\n")}`);
  process.exitCode = 1;
} else {
  console.log(
    "\nTargets met: cold requests <= ceil(steps/25) per runbook, 0 warm, 100 steps within 2x one request.",
  );
}

/** 100 steps of distinct unknown commands, so the rules leave every one to the model. */
function hundredStepRunbook(): string {
  const items = Array.from({ length: 100 }, (_, i) => {
    const marker = `${i + 1}. `;
    const pad = " ".repeat(marker.length);
    return `${marker}Check subsystem ${i + 1}.\n\n${pad}\`\`\`bash\n${pad}svc-${i + 1}ctl status\n${pad}\`\`\`\n`;
  });
  return `# One hundred checks\n\n## Checks\n\n${items.join("\n")}`;
}
