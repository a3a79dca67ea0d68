import type { McpServer } from "@modelcontextprotocol/server";
import type { McpContext } from "../context.js";
import { failure, guarded, structured } from "../results.js";
import type { RunRegistry } from "../runs.js";
import { GET_RUN_INPUT, LIST_RUNS_INPUT, LIST_RUNS_OUTPUT, RUN_OUTPUT } from "../schemas.js";

const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
} as const;

/** `get_run` and `list_runs`: the runs of this server process, with status and pending questions. */
export function registerRunTools(server: McpServer, context: McpContext, runs: RunRegistry): void {
  const log = (message: string): void =>
    void context.log.write(`runbook-exec mcp-server: ${message}\n`);

  server.registerTool(
    "get_run",
    {
      title: "Show a run",
      description:
        "One run started by this server: running, waiting for an answer (which question), or " +
        "finished, with every step's status, exit code, duration and redacted output so far.",
      inputSchema: GET_RUN_INPUT,
      outputSchema: RUN_OUTPUT,
      annotations: READ_ONLY,
    },
    ({ run_id }) =>
      guarded(async () => {
        const result = await runs.result(run_id);
        return result === undefined
          ? failure(
              `no run \`${run_id}\` in this server process; list_runs shows the runs it knows`,
            )
          : structured(result);
      }, log),
  );

  server.registerTool(
    "list_runs",
    {
      title: "List runs",
      description:
        "Every run this server process started (dry and live), with its state, status and the " +
        "question it waits for, and answers the server refused that named no run.",
      inputSchema: LIST_RUNS_INPUT,
      outputSchema: LIST_RUNS_OUTPUT,
      annotations: READ_ONLY,
    },
    () =>
      guarded(async () => {
        const all = await runs.all();
        return structured({
          runs: all.map(({ runId, mode, runbook, state, status, pendingQuestion }) => ({
            runId,
            mode,
            runbook,
            state,
            status,
            pendingQuestion,
          })),
          refusedAnswers: [...runs.refusals],
        });
      }, log),
  );
}
