import type { Command } from "commander";
import type { CliContext } from "../io.js";

interface McpServerFlags {
  readonly root?: string;
  readonly config?: string;
  readonly llm: boolean;
}

const EXAMPLES = `
Examples:
  $ claude mcp add runbook-exec -- npx runbook-exec mcp-server --root ~/ops/runbooks
  $ runbook-exec mcp-server --root . --no-llm

Speaks MCP (JSON-RPC) on stdin/stdout; logs go to stderr. Every path a tool accepts must resolve
under --root. Approvals come from the client's user (elicitation), up to mcp_max_approval_level,
or from Slack; never from a tool argument. Exit codes: 0 the client closed the connection,
2 bad flags or config, 130/143 stopped by SIGINT/SIGTERM (after the running step was stopped
and its log ended).`;

/** Adds `mcp-server`: the MCP face, served on stdio (src/faces/mcp). */
export function registerMcpServer(program: Command, context: CliContext): void {
  program
    .command("mcp-server")
    .description("serve validate, plan and run to an AI client over MCP (stdio)")
    .option("--root <dir>", "every path a tool accepts must be under this directory (default .)")
    .option(
      "-c, --config <path>",
      "use this config file instead of searching for .runbook-exec.toml from the root",
    )
    .option("--no-llm", "classify with the rules only and never call Claude")
    .addHelpText("after", EXAMPLES)
    .action(async (flags: McpServerFlags) => {
      // Loaded when served: the MCP SDK is a large part of the bundle that other commands skip.
      const { serveMcp } = await import(/* webpackMode: "eager" */ "../../mcp/serve.js");
      context.setExitCode(
        await serveMcp({
          root: flags.root,
          cwd: context.cwd,
          env: context.env,
          configPath: flags.config,
          noLlm: !flags.llm,
          stderr: context.stderr,
        }),
      );
    });
}
