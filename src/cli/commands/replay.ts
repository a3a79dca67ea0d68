import path from "node:path";
import { RunbookExecError } from "../../core/errors.js";
import { parseExpectedHead, type ExpectedHead } from "../../audit/head.js";
import { readAuditLogText } from "../../audit/read-log.js";
import { buildReport, renderJson } from "../../audit/render-json.js";
import { renderText } from "../../audit/render-text.js";
import { terminalLine } from "../../audit/terminal-text.js";
import { buildTimeline } from "../../audit/timeline.js";
import { verifyAuditText } from "../../audit/verify.js";
import { AUDIT_KEY_ENV } from "../../redact/secret-env.js";

/** `replay` exit codes (design.md, "Exit codes"). */
export const REPLAY_EXIT = { intact: 0, tampered: 1, unreadable: 2, incomplete: 3 } as const;

/** Parsed `replay LOG [--json] [--expect-head HASH] [--key-env VAR]`. */
export interface ReplayOptions {
  readonly log: string;
  readonly json: boolean;
  readonly expectHead?: string | undefined;
  readonly keyEnv?: string | undefined;
}

export interface TextSink {
  write(chunk: string): unknown;
}

export interface ReplayContext {
  readonly options: ReplayOptions;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
}

/** Verifies an audit log and prints its timeline; resolves to the exit code. */
export async function replayCommand(context: ReplayContext): Promise<number> {
  const { options, stdout, stderr } = context;
  try {
    const expectHead =
      options.expectHead === undefined ? undefined : parseExpectedHead(options.expectHead);
    const keyEnv = options.keyEnv ?? AUDIT_KEY_ENV;
    const key = readKey(context.env, keyEnv, options.keyEnv !== undefined);
    const text = await readAuditLogText(path.resolve(context.cwd, options.log));
    const result = verifyAuditText(text, { key, expectHead });
    const timeline = buildTimeline(result);
    const exitCode = REPLAY_EXIT[result.status];
    if (options.json) {
      stdout.write(
        renderJson(buildReport(result, timeline, { logPath: options.log, exitCode, expectHead })),
      );
    } else {
      stdout.write(renderText(result, timeline, { logPath: options.log, keyEnv }));
      if (expectHead !== undefined && result.broken === undefined)
        stdout.write(`${expectLine(expectHead)}\n`);
    }
    return exitCode;
  } catch (error) {
    if (error instanceof RunbookExecError) {
      stderr.write(`runbook-exec replay: ${terminalLine(error.describe())}\n`);
      return REPLAY_EXIT.unreadable;
    }
    throw error;
  }
}

/** The key from `keyEnv`; an explicitly named variable that is unset is a usage error. */
function readKey(env: ReplayContext["env"], keyEnv: string, explicit: boolean): string | undefined {
  const value = env[keyEnv];
  if (value !== undefined && value !== "") return value;
  if (!explicit) return undefined;
  throw new RunbookExecError(
    "USAGE",
    `--key-env ${keyEnv}: the variable is not set or empty; export the audit key in it`,
  );
}

function expectLine(head: ExpectedHead): string {
  return `expected head ${head.seq === undefined ? "" : `${head.seq}:`}${head.hash} is in the log`;
}
