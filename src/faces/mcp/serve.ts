import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { format } from "node:util";
import { serveStdio } from "@modelcontextprotocol/server/stdio";
import { createRiskModelFromEnv } from "../../adapters/anthropic/factory.js";
import { processSignals } from "../../adapters/terminal/signals.js";
import { loadConfig } from "../../config/load.js";
import { describeNotice } from "../../config/notices.js";
import { RunbookExecError } from "../../core/errors.js";
import type { Env, TextSink } from "../../core/io.js";
import { ALL_RULES } from "../../lint/registry.js";
import { SIGNAL_EXIT_CODES, type RunSignal } from "../../run/ports.js";
import type { McpContext } from "./context.js";
import { slackFactory } from "./slack.js";
import { createMcpServer, type McpServerHandle } from "./server.js";

/** What `runbook-exec mcp-server` starts the server with. */
export interface McpServeOptions {
  /** `--root`: every path a tool accepts must resolve under it; default the working directory. */
  readonly root: string | undefined;
  readonly cwd: string;
  readonly env: Env;
  /** `--config`: the operator's config file instead of the search from the root. */
  readonly configPath: string | undefined;
  /** `--no-llm`: rules only. */
  readonly noLlm: boolean;
  /** Logs; stdout belongs to the protocol. */
  readonly stderr: TextSink;
}

/**
 * Serves MCP on this process's stdin/stdout until the client closes the connection. Only
 * JSON-RPC goes to stdout: logs go to stderr, steps write to their own pipes, and `console`
 * output of any library is sent to stderr too. SIGINT/SIGTERM during a run stop its step's
 * process group and end its log first. Resolves to the exit code.
 */
export async function serveMcp(options: McpServeOptions): Promise<number> {
  const root = await rootOf(options);
  const log = options.stderr;
  keepConsoleOffStdout(log);
  const config = await loadConfig({
    cwd: root,
    env: options.env,
    ...(options.configPath !== undefined && { configPath: options.configPath }),
    overrides: options.noLlm ? { noLlm: true } : {},
    knownRules: ALL_RULES,
  });
  const say = (message: string): void => void log.write(`runbook-exec mcp-server: ${message}\n`);
  for (const notice of config.notices) say(describeNotice(notice));
  let received: RunSignal | undefined;
  let handle: McpServerHandle | undefined;
  let stop: (code: number) => void = () => undefined;
  const stopped = new Promise<number>((resolve) => (stop = resolve));
  const stopIfSignalled = (): void => {
    if (received !== undefined && (handle?.runs.running ?? 0) === 0)
      stop(SIGNAL_EXIT_CODES[received]);
  };
  const context: McpContext = {
    root,
    config,
    env: options.env,
    log,
    riskModel: createRiskModelFromEnv(options.env, config, say),
    signals: (handler) =>
      processSignals((signal) => {
        received ??= signal;
        handler(signal);
      }),
    slack: slackFactory(config, options.env, say),
    runEnded: stopIfSignalled,
  };
  const server = serveStdio(
    () => {
      handle = createMcpServer(context);
      const previous = handle.server.server.onclose;
      handle.server.server.onclose = () => {
        previous?.();
        void (handle?.runs.settled() ?? Promise.resolve()).then(() => stop(0));
      };
      return handle.server;
    },
    { onerror: (error) => say(`protocol error: ${error.message}`) },
  );
  say(
    `serving on stdio; root ${root}; auto-approve ${config.autoApproveLevel}, MCP approvals up to ${config.mcpMaxApprovalLevel}`,
  );
  const code = await stopped;
  await server.close().catch(() => undefined);
  return code;
}

async function rootOf(options: McpServeOptions): Promise<string> {
  const given = path.resolve(options.cwd, options.root ?? ".");
  try {
    const real = await realpath(given);
    if ((await stat(real)).isDirectory()) return real;
  } catch {
    // reported below
  }
  throw new RunbookExecError(
    "USAGE",
    `--root ${given} is not a directory; fix: pass the directory whose runbooks the server may read`,
  );
}

/** Libraries that print with `console.log` would corrupt the protocol: send it to stderr. */
function keepConsoleOffStdout(log: TextSink): void {
  const toLog = (...args: unknown[]): void => void log.write(`${format(...args)}\n`);
  console.log = toLog;
  console.info = toLog;
  console.debug = toLog;
}
