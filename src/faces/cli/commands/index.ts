import type { Command } from "commander";
import type { CliContext } from "../io.js";
import { registerRun } from "./run.js";
import { registerMcpServer } from "./mcp-server.js";
import { registerReplay } from "./replay.js";
import { registerTrust } from "./trust.js";
import { registerValidate } from "./validate.js";

/** Adds one subcommand to the program. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** Every subcommand, in `--help` order; each lives in its own file beside this one. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerValidate,
  registerRun,
  registerReplay,
  registerTrust,
  registerMcpServer,
];
