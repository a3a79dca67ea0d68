import type { Command } from "commander";
import { RunbookExecError } from "../../../core/errors.js";

/** What `mcp-server` says in this version, whatever arguments follow it (`--help` included). */
export const MCP_NOT_AVAILABLE =
  "`mcp-server` is planned but not available in this version; fix: use `validate` or `run` from the command line, or the GitHub Action";

/**
 * Adds `mcp-server` as a known command that refuses plainly (exit 2): without it, commander
 * treated `mcp-server --help` as the program's `--help` and exited 0, as if the server existed.
 */
export function registerMcpServer(program: Command): void {
  program
    .command("mcp-server")
    .description("(planned, not in this version) serve validate and run to MCP clients")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new RunbookExecError("USAGE", MCP_NOT_AVAILABLE);
    });
}
