import path from "node:path";
import type { Command } from "commander";
import { RunbookExecError } from "../../../core/errors.js";
import { parseExpectedHead, type ExpectedHead } from "../../../audit/head.js";
import { buildReport, renderJson } from "../../../present/replay/json.js";
import { renderText } from "../../../present/replay/text.js";
import { escapeLine } from "../../../present/escape/terminal.js";
import { buildTimeline } from "../../../present/replay/timeline.js";
import { verifyAuditText } from "../../../audit/verify.js";
import { colorEnabled } from "../../../present/color.js";
import { AUDIT_KEY_ENV, auditKeyFrom } from "../../../redact/secret-env.js";
import { readAuditLogBytes } from "../../../audit/read-log.js";
import type { CliContext, CliIO } from "../io.js";

/** `replay` exit codes (design.md, "Exit codes"). */
export const REPLAY_EXIT = { intact: 0, tampered: 1, unreadable: 2, incomplete: 3 } as const;

/** Parsed `replay LOG [--json] [--expect-head HASH] [--key-env VAR]`. */
export interface ReplayOptions {
  readonly log: string;
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
  $ runbook-exec replay LOG --expect-head 14:cbfd6b06…   (the head printed after the last step)
  $ RUNBOOK_EXEC_AUDIT_KEY=… runbook-exec replay LOG --json

Exit codes: 0 chain intact and run complete, 1 chain broken (tampered), 2 unreadable log or bad
flags, 3 chain intact but the run is incomplete (no run_end, or a torn last line).`;

interface ReplayFlags {
  readonly json?: boolean;
  readonly expectHead?: string;
  readonly keyEnv?: string;
}

/** Adds `replay LOG` to the program. */
export function registerReplay(program: Command, context: CliContext): void {
  program
    .command("replay")
    .description("verify an audit log's hash chain and print the run's timeline")
    .argument("<log>", "the .ndjson audit log to verify")
    .option("--json", "print one JSON document instead of the timeline")
    .option(
      "--expect-head <head>",
      "fail unless the log still holds this head (SEQ:HASH, as published after each step)",
    )
    .option(
      "--key-env <var>",
      `environment variable holding the audit key (default ${AUDIT_KEY_ENV})`,
    )
    .addHelpText("after", EXAMPLES)
    .action(async (log: string, flags: ReplayFlags) => {
      const options = {
        log,
        json: flags.json === true,
        expectHead: flags.expectHead,
        keyEnv: flags.keyEnv,
      };
      context.setExitCode(await replayCommand({ ...context, options }));
    });
}

/** Verifies an audit log and prints its timeline; resolves to the exit code. */
export async function replayCommand(context: ReplayContext): Promise<number> {
  const { options, stdout, stderr } = context;
  try {
    const expectHead =
      options.expectHead === undefined ? undefined : parseExpectedHead(options.expectHead);
    const keyEnv = options.keyEnv ?? AUDIT_KEY_ENV;
    const key = readKey(context.env, keyEnv, options.keyEnv !== undefined);
    const bytes = await readAuditLogBytes(path.resolve(context.cwd, options.log));
    const result = verifyAuditText(bytes, { key, expectHead });
    const timeline = buildTimeline(result);
    const exitCode = REPLAY_EXIT[result.status];
    if (options.json) {
      stdout.write(
        renderJson(buildReport(result, timeline, { logPath: options.log, exitCode, expectHead })),
      );
    } else {
      const color = colorEnabled({ isTTY: stdout.isTTY === true, env: context.env });
      stdout.write(renderText(result, timeline, { logPath: options.log, keyEnv, color }));
      if (expectHead !== undefined && result.broken === undefined)
        stdout.write(`${expectLine(expectHead)}\n`);
    }
    return exitCode;
  } catch (error) {
    if (error instanceof RunbookExecError) {
      stderr.write(`runbook-exec replay: ${escapeLine(error.describe())}\n`);
      return REPLAY_EXIT.unreadable;
    }
    throw error;
  }
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
