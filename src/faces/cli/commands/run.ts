import { Writable } from "node:stream";
import { InvalidArgumentError, Option, type Command } from "commander";
import { NO_API_KEY_BANNER, createRiskModelFromEnv } from "../../../adapters/anthropic/factory.js";
import { loadConfig, type ConfigOverrides } from "../../../config/load.js";
import { RISK_LEVELS, type RiskLevel } from "../../../core/risk.js";
import { formatText } from "../../../present/validate/text.js";
import { ALL_RULES } from "../../../lint/registry.js";
import { prepareRun, type PreparedRun } from "../../../app/prepare-run.js";
import { startDryRun, startLiveRun } from "../start-run.js";
import { RUN_EXIT } from "../../../run/tally.js";
import { parseVarFlags } from "../../../plan/vars.js";
import { terminalParameterAsker } from "../../../adapters/terminal/ask-parameters.js";
import { escapeLine } from "../../../present/escape/terminal.js";
import { describeNotice } from "../../../config/notices.js";
import { containmentWarning } from "../../../execute/containment.js";
import { readyRun } from "../../../app/ready-run.js";
import { booleanOverrides } from "../flags.js";
import type { CliContext } from "../io.js";
import { chooseRerun } from "../interrupted.js";

interface RunFlagsRaw {
  readonly dryRun?: boolean;
  readonly incidentId?: string;
  readonly autoApprove?: RiskLevel;
  readonly timeout?: number;
  readonly auditLogDir?: string;
  readonly fromStep?: number;
  readonly resume?: string;
  readonly rerunInterrupted?: boolean;
  readonly var: readonly string[];
  readonly forceLint?: boolean;
  readonly config?: string;
}

const DESTRUCTIVE_BANNER =
  "WARNING: auto-approve level `destructive`: every step runs without asking anyone, destructive ones included. This is recorded in the audit log.";

const EXAMPLES = `
Examples:
  $ runbook-exec run runbooks/disk-full.md --dry-run
  $ runbook-exec run runbooks/disk-full.md --incident-id INC-1234 --var MOUNT=/data
  $ runbook-exec run runbooks/disk-full.md --resume runbook-exec-logs/INC-1234-20260101T000000Z-1a2b.ndjson
  $ runbook-exec run runbooks/disk-full.md --resume LOG --rerun-interrupted   (no terminal: run a half-done step again)

Exit codes: 0 every step succeeded or was skipped on purpose, 1 a step failed or was denied or the
run aborted, 2 usage, config, parse or lint error, 129 SIGHUP, 130 SIGINT, 131 SIGQUIT,
143 SIGTERM.`;

/** Adds `run RUNBOOK` to the program. */
export function registerRun(program: Command, context: CliContext): void {
  program
    .command("run")
    .description(
      "run a runbook step by step: approval gates, live output, a hash-chained audit log",
    )
    .argument("<runbook>", "the Markdown runbook to run")
    .option("--dry-run", "print the plan and write a dry-run audit log; execute nothing")
    .option("--incident-id <id>", "incident id; names the audit log and is recorded in it")
    .addOption(
      new Option(
        "--auto-approve <level>",
        "highest risk that runs without approval (default read_only)",
      ).choices(RISK_LEVELS),
    )
    .option("--no-llm-context", "no post-step decisions by Claude")
    .option("--no-llm", "classify with the rules only and never call Claude")
    .option(
      "--timeout <seconds>",
      "per-step timeout (a fence's timeout= wins; default 300)",
      positiveNumber,
    )
    .option("--audit-log-dir <dir>", "where the audit log is written (default ./runbook-exec-logs)")
    .option(
      "--from-step <n>",
      "start at step N; earlier steps are recorded as not selected",
      positiveInteger,
    )
    .option("--resume <log>", "continue a crashed or stopped run after its last completed step")
    .option(
      "--rerun-interrupted",
      "with --resume: run again a step the old run started and never finished, without asking",
    )
    .option(
      "--var <key=value>",
      "a parameter (front matter or placeholder), passed to steps as an environment variable",
      collect,
      [],
    )
    .option("--force-lint", "run even when lint reports errors")
    .option(
      "-c, --config <path>",
      "use this config file instead of searching for .runbook-exec.toml",
    )
    .addHelpText("after", EXAMPLES)
    .action(async (runbook: string, _options: unknown, command: Command) => {
      context.setExitCode(await run(runbook, command, context));
    });
}

async function run(file: string, command: Command, context: CliContext): Promise<number> {
  const startedAt = performance.now();
  const flags = command.opts<RunFlagsRaw>();
  if (flags.rerunInterrupted === true && flags.resume === undefined) {
    context.stderr.write(
      "runbook-exec: --rerun-interrupted only means something with --resume LOG\n",
    );
    return RUN_EXIT.usage;
  }
  if (flags.resume !== undefined && flags.fromStep !== undefined) {
    context.stderr.write(
      "runbook-exec: --resume and --from-step cannot be combined; --resume continues after the last completed step\n",
    );
    return RUN_EXIT.usage;
  }
  const vars = parseVarFlags(flags.var);
  const config = await loadConfig({
    cwd: context.cwd,
    env: context.env,
    ...(flags.config !== undefined && { configPath: flags.config }),
    overrides: overridesOf(flags, command),
    knownRules: ALL_RULES,
  });
  for (const notice of config.notices)
    context.stderr.write(`runbook-exec: ${escapeLine(describeNotice(notice))}\n`);
  const riskModel = createRiskModelFromEnv(context.env, config, (message) =>
    context.stderr.write(`runbook-exec: ${message}\n`),
  );
  if (riskModel === undefined && !config.noLlm)
    context.stderr.write(`runbook-exec: ${NO_API_KEY_BANNER}\n`);
  const prepared = await prepareRun({
    file,
    cwd: context.cwd,
    env: context.env,
    config,
    fromStep: flags.fromStep ?? 1,
    resume: flags.resume,
    vars,
    riskModel,
    askParameters: isTerminal(context.stdin)
      ? terminalParameterAsker({ input: context.stdin, output: asStream(context.stderr) })
      : undefined,
  });
  const lintBlocks = reportLint(prepared, flags.forceLint === true, context);
  if (config.autoApproveLevel === "destructive") context.stderr.write(`${DESTRUCTIVE_BANNER}\n`);
  const base = await readyRun({
    prepared,
    config,
    env: context.env,
    incidentId: flags.incidentId,
    forceLint: flags.forceLint === true,
    fromStep: flags.fromStep ?? 1,
    resume: flags.resume ?? null,
    startedAt,
  });
  const weak = containmentWarning(base.containment, config.containment);
  if (weak !== undefined && !config.dryRun) context.stderr.write(`${weak}\n`);
  // A step the old run left half-done may have partly run: the operator decides (or the flag).
  const rerun = await chooseRerun({
    prepared,
    rerunFlag: flags.rerunInterrupted === true,
    dryRun: config.dryRun,
    timeoutMs: config.approvalTimeoutSeconds * 1000,
    terminal: isTerminal(context.stdin)
      ? { input: context.stdin, output: asStream(context.stderr) }
      : undefined,
    notice: (message) => context.stderr.write(`runbook-exec: ${escapeLine(message)}\n`),
  });
  const ready = { ...base, rerun };
  if (config.dryRun) {
    const code = startDryRun(ready, context);
    return lintBlocks ? RUN_EXIT.usage : code;
  }
  if (lintBlocks) return RUN_EXIT.usage;
  return startLiveRun(ready, context);
}

/**
 * Prints lint errors and warnings; true when errors must stop the run (no `--force-lint`).
 * Lint errors are input errors, like a parse error: exit 2 before anything executes.
 */
function reportLint(prepared: PreparedRun, forceLint: boolean, context: CliContext): boolean {
  const { runbook } = prepared;
  const findings = prepared.findings.filter((finding) => finding.severity !== "info");
  if (findings.length === 0) return false;
  const report = {
    schemaVersion: 1 as const,
    runbooks: [{ path: runbook.path, title: runbook.title, steps: [], findings }],
  };
  context.stderr.write(
    formatText(report, { color: false, cwd: context.cwd, rules: ALL_RULES, quiet: true }),
  );
  if (!findings.some((finding) => finding.severity === "error")) return false;
  if (forceLint) {
    context.stderr.write(
      "runbook-exec: lint errors above; running anyway because of --force-lint\n",
    );
    return false;
  }
  context.stderr.write(
    "runbook-exec: lint errors stop a run before anything executes; fix them (or pass --force-lint to run anyway)\n",
  );
  return true;
}

function overridesOf(flags: RunFlagsRaw, command: Command): ConfigOverrides {
  return {
    ...booleanOverrides(command, [
      { option: "llm", key: "noLlm" },
      { option: "llmContext", key: "noLlmContext" },
      { option: "dryRun", key: "dryRun" },
    ]),
    ...(flags.autoApprove !== undefined && { autoApproveLevel: flags.autoApprove }),
    ...(flags.timeout !== undefined && { timeoutSeconds: flags.timeout }),
    ...(flags.auditLogDir !== undefined && { auditLogDir: flags.auditLogDir }),
  };
}

function isTerminal(
  stdin: NodeJS.ReadableStream | undefined,
): stdin is NodeJS.ReadableStream & { isTTY: true } {
  return stdin !== undefined && "isTTY" in stdin && stdin.isTTY === true;
}

function asStream(sink: CliContext["stderr"]): NodeJS.WritableStream {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      sink.write(typeof chunk === "string" ? chunk : chunk.toString("utf8"));
      done();
    },
  });
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new InvalidArgumentError("expected a number of seconds > 0, e.g. 300");
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError("expected a step number >= 1");
  return number;
}
