import { McpServer } from "@modelcontextprotocol/server";
import { VERSION } from "../../core/version.js";
import type { McpContext } from "./context.js";
import { RequestStates } from "./request-state.js";
import { RunRegistry } from "./runs.js";
import { registerExecuteTool } from "./tools/execute.js";
import { registerReadOnlyTools } from "./tools/read-only.js";
import { registerRunTools } from "./tools/runs.js";

/** What tells the server's runs that the client is gone. */
export interface McpServerHandle {
  readonly server: McpServer;
  readonly runs: RunRegistry;
}

const INSTRUCTIONS =
  "runbook-exec validates, plans and runs Markdown runbooks. Steps above the auto-approve level " +
  "run only after the person at this client approves them in a form the server shows; no tool " +
  "argument approves a step, lowers a risk or raises the auto-approve level. execute_runbook is a " +
  "dry run unless dry_run is false.";

/**
 * The MCP server over one context: six tools, and every live run's open question denied when the
 * connection closes (invariant 3).
 */
export function createMcpServer(context: McpContext): McpServerHandle {
  const runs = new RunRegistry(context);
  const server = new McpServer(
    { name: "runbook-exec", version: VERSION },
    {
      capabilities: { tools: {} },
      instructions: INSTRUCTIONS,
      // A person reads each question: give older clients as long as a run waits for an answer.
      inputRequired: {
        roundTimeoutMs: context.config.approvalTimeoutSeconds * 1000,
        maxRounds: 64,
      },
    },
  );
  const states = new RequestStates({ ttlSeconds: context.config.approvalTimeoutSeconds });
  registerReadOnlyTools(server, context);
  registerExecuteTool(server, context, runs, states);
  registerRunTools(server, context, runs);
  const previous = server.server.onclose;
  server.server.onclose = () => {
    runs.closeAll("the MCP connection closed");
    previous?.();
  };
  return { server, runs };
}
