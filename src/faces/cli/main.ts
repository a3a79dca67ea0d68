import { Command, CommanderError } from "commander";
import { RunbookExecError } from "../../core/errors.js";
import { COMMANDS } from "./commands/index.js";
import type { CliContext, CliIO } from "./io.js";
import { VERSION } from "../../core/version.js";

/** Exit code for usage, configuration and input errors (design.md, "Exit codes"). */
export const EXIT_USAGE = 2;

const PROGRAM_EXAMPLES = `
Examples:
  $ runbook-exec validate runbooks/
  $ runbook-exec validate "docs/**/*.md" --format json

Run \`runbook-exec <command> --help\` for a command's options and examples.`;

const ISSUES_URL = "https://github.com/runbook-exec/runbook-exec/issues";

function buildProgram(context: CliContext): Command {
  const program = new Command("runbook-exec")
    .description(
      "Turn Markdown runbooks into executable automation with safety gates and an audit trail.",
    )
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      // Commander's own errors (unknown option, missing argument, bad choice): one line, no usage dump.
      outputError: (text, write) =>
        write(
          `runbook-exec: ${text
            .trim()
            .replace(/^error: /, "")
            .replace(/\s*\n\s*/g, " ")} (see --help)\n`,
        ),
    })
    .addHelpText("after", PROGRAM_EXAMPLES);
  for (const register of COMMANDS) register(program, context);
  return program;
}

function describeUnexpected(error: unknown, io: CliIO): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack =
    io.env["RUNBOOK_EXEC_DEBUG"] === "1" && error instanceof Error ? `${error.stack ?? ""}\n` : "";
  return (
    `runbook-exec: internal error: ${message.split("\n")[0] ?? ""}\n` +
    `runbook-exec: this is a bug; please report it at ${ISSUES_URL}` +
    (stack === "" ? " (set RUNBOOK_EXEC_DEBUG=1 to see the stack trace)\n" : `\n${stack}`)
  );
}

/**
 * The CLI: parses `argv`, runs one subcommand, and returns the exit code (0/1/2 per design.md).
 * Never throws and never prints a stack trace unless `RUNBOOK_EXEC_DEBUG=1`.
 */
export async function main(io: CliIO): Promise<number> {
  let exitCode = 0;
  const context: CliContext = { ...io, setExitCode: (code) => (exitCode = code) };
  try {
    await buildProgram(context).parseAsync([...io.argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof RunbookExecError) {
      io.stderr.write(`runbook-exec: ${error.describe()}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(describeUnexpected(error, io));
    return EXIT_USAGE;
  }
}
