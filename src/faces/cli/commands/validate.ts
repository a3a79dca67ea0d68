import { Option, type Command } from "commander";
import { NO_API_KEY_BANNER, createRiskModelFromEnv } from "../../../adapters/anthropic/factory.js";
import { loadConfig } from "../../../config/load.js";
import type { RunbookExecError } from "../../../core/errors.js";
import type { ValidationReport } from "../../../core/report.js";
import { discoverRunbooks } from "../../../app/discover.js";
import { validateRunbooks } from "../../../app/validate.js";
import { colorEnabled } from "../../../present/color.js";
import { formatGithub } from "../../../present/validate/github.js";
import { formatJson } from "../../../present/validate/json.js";
import { relativeError, relativizeReport } from "../../../present/validate/paths.js";
import { formatSarif } from "../../../present/validate/sarif.js";
import { formatText } from "../../../present/validate/text.js";
import { ALL_RULES } from "../../../lint/registry.js";
import { escapeLine } from "../../../present/escape/terminal.js";
import { describeNotice } from "../../../config/notices.js";
import { booleanOverrides } from "../flags.js";
import type { CliContext } from "../io.js";
import { writeOutputFile } from "../output.js";
import { VERSION } from "../../../core/version.js";

/** Output formats of `validate`. */
export const VALIDATE_FORMATS = ["text", "json", "sarif", "github"] as const;
/** One of {@link VALIDATE_FORMATS}. */
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

interface ValidateFlags {
  readonly format: ValidateFormat;
  readonly output?: string;
  readonly config?: string;
  readonly quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ runbook-exec validate runbooks/
  $ runbook-exec validate "docs/**/*.md" --format sarif --output runbook-exec.sarif
  $ runbook-exec validate incident.md --format json --no-llm

Exit codes: 0 no error findings, 1 error findings, 2 unreadable input, bad config or flags.`;

/** What {@link render} needs besides the report. */
interface RenderOptions {
  readonly flags: ValidateFlags;
  readonly context: CliContext;
  /** Inputs that matched nothing or could not be read, paths relative to cwd. */
  readonly problems: readonly RunbookExecError[];
}

function render(report: ValidationReport, { flags, context, problems }: RenderOptions): string {
  switch (flags.format) {
    case "json":
      return formatJson(report);
    case "sarif":
      return formatSarif(report, ALL_RULES, { toolVersion: VERSION });
    case "github":
      return formatGithub(report, { rules: ALL_RULES, problems });
    case "text": {
      const color =
        flags.output === undefined &&
        colorEnabled({ isTTY: context.stdout.isTTY === true, env: context.env });
      return formatText(report, {
        color,
        cwd: context.cwd,
        rules: ALL_RULES,
        quiet: flags.quiet === true,
      });
    }
  }
}

function exitCode(report: ValidationReport, problems: readonly RunbookExecError[]): number {
  if (problems.length > 0) return 2;
  return report.runbooks.some((runbook) => runbook.findings.some((f) => f.severity === "error"))
    ? 1
    : 0;
}

async function validate(
  inputs: readonly string[],
  command: Command,
  context: CliContext,
): Promise<number> {
  const flags = command.opts<ValidateFlags>();
  const config = await loadConfig({
    cwd: context.cwd,
    env: context.env,
    ...(flags.config !== undefined && { configPath: flags.config }),
    overrides: booleanOverrides(command, [
      { option: "llm", key: "noLlm" },
      { option: "strict", key: "strict" },
      { option: "inlineCodeCommands", key: "inlineCodeCommands" },
    ]),
    knownRules: ALL_RULES,
  });
  for (const notice of config.notices)
    context.stderr.write(`runbook-exec: ${escapeLine(describeNotice(notice))}\n`);
  const discovery = await discoverRunbooks(inputs, {
    cwd: context.cwd,
    unmatchedGlobFix: "check the pattern, and quote it so the shell does not expand it first",
  });
  const riskModel = createRiskModelFromEnv(context.env, config, (message) =>
    context.stderr.write(`runbook-exec: ${message}\n`),
  );
  if (
    riskModel === undefined &&
    !config.noLlm &&
    flags.quiet !== true &&
    discovery.files.length > 0
  ) {
    context.stderr.write(`runbook-exec: ${NO_API_KEY_BANNER}\n`);
  }
  const outcome = await validateRunbooks(discovery.files, { config, riskModel });
  // People read inputs as they typed them (`validate /x.md` says `/x.md`, not `../../x.md`);
  // annotations need paths relative to the working directory, like the report's.
  const asTyped = [
    ...discovery.problems,
    ...outcome.unreadable.map((problem) => relativeError(problem, context.cwd, discovery.typed)),
  ];
  for (const problem of asTyped) context.stderr.write(`runbook-exec: ${problem.describe()}\n`);
  const problems = [...discovery.problems, ...outcome.unreadable].map((problem) =>
    relativeError(problem, context.cwd),
  );
  const report = relativizeReport(outcome.report, context.cwd);
  const text = render(report, { flags, context, problems });
  if (flags.output === undefined) context.stdout.write(text);
  else await writeOutputFile(flags.output, text, context.cwd);
  return exitCode(report, problems);
}

/** Adds `validate FILE|DIR|GLOB…` to the program. */
export function registerValidate(program: Command, context: CliContext): void {
  program
    .command("validate")
    .description("lint runbooks and classify the risk of every step, without running anything")
    .argument(
      "<inputs...>",
      "runbook files, directories (searched recursively for *.md) or quoted globs",
    )
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(VALIDATE_FORMATS)
        .default("text"),
    )
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option(
      "-c, --config <path>",
      "use this config file instead of searching for .runbook-exec.toml",
    )
    .option("--no-llm", "classify with the built-in rules only; never call Claude")
    .option("--strict", "keep unknown commands at `modifying` even when Claude says read-only")
    .option(
      "--inline-code-commands",
      "treat a step's first inline code span as its command (old behaviour)",
    )
    .option("-q, --quiet", "text format: print only the findings")
    .addHelpText("after", EXAMPLES)
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      context.setExitCode(await validate(inputs, command, context));
    });
}
