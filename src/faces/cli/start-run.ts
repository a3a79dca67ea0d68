import { randomUUID } from "node:crypto";
import type { Env, TextSink } from "../../core/io.js";
import { Readable, Writable } from "node:stream";
import { createDecisionModelFromEnv } from "../../adapters/anthropic/factory.js";
import { TerminalApprovalProvider } from "../../adapters/terminal/approval-prompt.js";
import { formatHead } from "../../audit/head.js";

import { runStep } from "../../execute/run-step.js";

import { LiveView } from "../../present/live-view.js";
import { liveRunView } from "../../present/run-view.js";
import { recordDryRun } from "../../run/dry-run.js";
import { executeRun } from "../../run/loop.js";
import { TerminalOperator } from "../../adapters/terminal/operator.js";
import { formatPlan } from "../../present/plan-text.js";
import { processSignals } from "../../adapters/terminal/signals.js";
import { shownRunParameters } from "../../plan/parameters.js";
import { buildRunChannels } from "./approval-channels.js";
import { teeRunView } from "../../run/tee-view.js";

/** Most time a run stopped by SIGINT/SIGTERM waits for its last Slack posts. */
const SIGNAL_FLUSH_MS = 1000;
import { auditOpener, redactorFor, runRequestFor, type ReadyRun } from "../../app/run-setup.js";

/** The process's I/O as a run uses it. */
export interface RunIO {
  readonly env: Env;
  readonly stdout: TextSink;
  /** Prompts, banners and notices. */
  readonly stderr: TextSink;
  /** Answers to prompts; without a TTY nobody is asked (approvals are denied, failures abort). */
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

/** Dry run: prints the plan and writes the dry-run log; executes nothing. Returns the exit code. */
export function startDryRun({ prepared, config, runStart }: ReadyRun, io: RunIO): number {
  const { runbook, steps, parameters } = prepared;
  io.stdout.write(
    formatPlan({
      title: runbook.title,
      path: runbook.path,
      steps,
      parameters: shownRunParameters(parameters.specs, parameters.values),
      autoApproveLevel: config.autoApproveLevel,
    }),
  );
  const openAudit = auditOpener(config, redactorFor(prepared, io.env), io.env);
  const summary = recordDryRun({ steps, runStart }, { openAudit, now: () => performance.now() });
  io.stdout.write(
    `\nDry-run audit log: ${summary.auditLogPath}\naudit head: ${formatHead(summary.head)}\n`,
  );
  return summary.exitCode;
}

/**
 * Live run with the production collaborators: the executor, the audit writer, terminal
 * approvals and operator, Claude's post-step decisions (unless disabled), the live view, and
 * this process's SIGINT/SIGTERM. Returns the exit code.
 */
export async function startLiveRun(ready: ReadyRun, io: RunIO): Promise<number> {
  const { prepared, config, runStart } = ready;
  const stdin = io.stdin ?? Readable.from([]);
  const interactive = "isTTY" in stdin && stdin.isTTY === true;
  const prompts = asWritable(io.stderr);
  const redact = redactorFor(prepared, io.env);
  const view = new LiveView({ stream: asWritable(io.stdout), env: io.env });
  const runId = randomUUID();
  const channels = buildRunChannels({
    config,
    env: io.env,
    runStart,
    runbookPath: prepared.shownPath,
    runId,
    redact,
    terminal: new TerminalApprovalProvider({ input: stdin, output: prompts }),
    terminalOperator: interactive
      ? new TerminalOperator({
          input: stdin,
          output: prompts,
          timeoutMs: config.approvalTimeoutSeconds * 1000,
          onInterrupt: () => process.kill(process.pid, "SIGINT"),
        })
      : undefined,
    notice: (message) => io.stderr.write(`runbook-exec: ${redact(message)}\n`),
  });
  let stopped = true;
  io.stderr.write(`runbook-exec: ${channels.banner.replaceAll("\n", "\nrunbook-exec: ")}\n`);
  try {
    const summary = await executeRun(runRequestFor(ready, io.env), {
      openAudit: auditOpener(config, redact, io.env, runId),
      execute: runStep,
      approvals: channels.approvals,
      operator: channels.operator,
      decisions: createDecisionModelFromEnv(io.env, config, (message) =>
        io.stderr.write(`runbook-exec: ${message}\n`),
      ),
      view: teeRunView(liveRunView(view, redact), ...channels.views),
      signals: processSignals,
      now: () => performance.now(),
    });
    stopped = summary.exitCode >= 128;
    return summary.exitCode;
  } finally {
    view.close();
    // A run stopped by a signal must exit within seconds (design.md): little time for Slack.
    await channels.flush(stopped ? SIGNAL_FLUSH_MS : undefined);
  }
}

/** A Node stream over a text sink, for readline and the live view. */
function asWritable(sink: TextSink): Writable & { isTTY: boolean } {
  const stream = new Writable({
    // Strings and bytes pass through as they are: encoding each string to a Buffer and back cost
    // a third of the time of a step that prints hundreds of megabytes (bench/run).
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      sink.write(chunk);
      done();
    },
  });
  return Object.assign(stream, { isTTY: sink.isTTY === true });
}
