import type { Command } from "commander";
import { RunbookExecError } from "../../../core/errors.js";
import { parseExpectedHead, type ExpectedHead } from "../../../audit/head.js";
import { buildReport, renderJson } from "../../../present/replay/json.js";
import { renderText } from "../../../present/replay/text.js";
import { escapeLine } from "../../../present/escape/terminal.js";
import { buildTimeline } from "../../../present/replay/timeline.js";
import { buildSetReport, linkOf, renderSetText } from "../../../present/replay/set.js";
import { colorEnabled } from "../../../present/color.js";
import { AUDIT_KEY_ENV, auditKeyFrom } from "../../../redact/secret-env.js";
import { REPLAY_EXIT, replayLogs, type ReplayOutcome } from "../../../app/replay.js";
import type { CliContext, CliIO } from "../io.js";

export { REPLAY_EXIT } from "../../../app/replay.js";

/** Parsed `replay LOG… [--json] [--expect-head HASH] [--key-env VAR]`. */
export interface ReplayOptions {
  /** One log, or several (a resumed chain, every log of an incident). */
  readonly logs: readonly string[];
  readonly json: boolean;
  readonly expectHead?: string | undefined;
  readonly keyEnv?: string | undefined;
}

/** What `replay` reads and writes: the CLI's I/O minus argv, plus its parsed options. */
export interface ReplayContext extends Pick<CliIO, "cwd" | "env" | "stdout" | "stderr"> {
  readonly options: ReplayOptions;
}

const EXAMPLES = `
Examples:
  $ runbook-exec replay runbook-exec-logs/INC-42-20261124T055013Z-a1b2.ndjson
  $ runbook-exec replay runbook-exec-logs/INC-42-*.ndjson   (every log of the incident; a resumed run and the log it resumed are checked as a chain)
  $ runbook-exec replay LOG --expect-head 14:cbfd6b06…   (the head printed after the last step)
  $ RUNBOOK_EXEC_AUDIT_KEY=… runbook-exec replay LOG --json

Exit codes: 0 chain intact and run complete, 1 chain broken (tampered, or a resumed run's
link to its earlier log broken), 2 unreadable log, not an audit log, or bad flags,
3 chain intact but the run is incomplete (no run_end, or a torn last line; with several logs,
the last run of a chain).`;

interface ReplayFlags {
  readonly json?: boolean;
  readonly expectHead?: string;
  readonly keyEnv?: string;
}

/** Adds `replay LOG…` to the program. */
export function registerReplay(program: Command, context: CliContext): void {
  program
    .command("replay")
    .description(
      "verify audit logs' hash chains, and the links of resumed runs; print the timeline",
    )
    .argument("<logs...>", "the .ndjson audit log(s) to verify")
    .option("--json", "print one JSON document instead of the timeline")
    .option(
      "--expect-head <head>",
      "fail unless the log still holds this head (SEQ:HASH, as published after each step); one log only",
    )
    .option(
      "--key-env <var>",
      `environment variable holding the audit key (default ${AUDIT_KEY_ENV})`,
    )
    .addHelpText("after", EXAMPLES)
    .action(async (logs: string[], flags: ReplayFlags) => {
      const options = {
        logs,
        json: flags.json === true,
        expectHead: flags.expectHead,
        keyEnv: flags.keyEnv,
      };
      context.setExitCode(await replayCommand({ ...context, options }));
    });
}

/** Verifies audit logs and prints their timelines; resolves to the exit code. */
export async function replayCommand(context: ReplayContext): Promise<number> {
  const { options, stderr } = context;
  try {
    const expectHead =
      options.expectHead === undefined ? undefined : parseExpectedHead(options.expectHead);
    const keyEnv = options.keyEnv ?? AUDIT_KEY_ENV;
    const key = readKey(context.env, keyEnv, options.keyEnv !== undefined);
    const outcome = await replayLogs({ logs: options.logs, cwd: context.cwd, key, expectHead });
    for (const { error } of outcome.unreadable)
      stderr.write(`runbook-exec replay: ${escapeLine(error.describe())}\n`);
    if (outcome.verified.length + outcome.unreadable.length === 1)
      return printOne(context, outcome, keyEnv, expectHead);
    const color = colorEnabled({ isTTY: context.stdout.isTTY === true, env: context.env });
    context.stdout.write(
      options.json
        ? renderJson(buildSetReport(outcome, (status) => REPLAY_EXIT[status]))
        : renderSetText(outcome, { keyEnv, color }),
    );
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof RunbookExecError) {
      stderr.write(`runbook-exec replay: ${escapeLine(error.describe())}\n`);
      return REPLAY_EXIT.unreadable;
    }
    throw error;
  }
}

/** One log: the document and text `replay LOG` has always printed, plus its link when it resumed. */
function printOne(
  context: ReplayContext,
  outcome: ReplayOutcome,
  keyEnv: string,
  expectHead: ExpectedHead | undefined,
): number {
  const { options, stdout } = context;
  const only = outcome.verified[0];
  // An unreadable log prints nothing on stdout, even with --json: the message is on stderr.
  if (only === undefined) return outcome.exitCode;
  const { log, result } = only;
  const timeline = buildTimeline(result);
  const link = linkOf(outcome, log);
  if (options.json) {
    const input = { logPath: log, exitCode: outcome.exitCode, expectHead, link };
    stdout.write(renderJson(buildReport(result, timeline, input)));
  } else {
    const color = colorEnabled({ isTTY: stdout.isTTY === true, env: context.env });
    stdout.write(renderText(result, timeline, { logPath: log, keyEnv, color, link }));
    if (expectHead !== undefined && result.broken === undefined)
      stdout.write(`${expectLine(expectHead)}\n`);
  }
  return outcome.exitCode;
}

/** The key from `keyEnv`; an explicitly named variable that is unset is a usage error. */
function readKey(env: ReplayContext["env"], keyEnv: string, explicit: boolean): string | undefined {
  const key = auditKeyFrom(env, keyEnv);
  if (key !== undefined || !explicit) return key;
  throw new RunbookExecError(
    "USAGE",
    `--key-env ${keyEnv}: the variable is not set or empty; export the audit key in it`,
  );
}

function expectLine(head: ExpectedHead): string {
  return `expected head ${head.seq === undefined ? "" : `${head.seq}:`}${head.hash} is in the log`;
}
