import type { ShellCommand } from "../shell/index.js";
import { type Hit } from "./hit.js";
/** How much a variable assignment can change what a command does. */
export type VariableRisk = "harmless" | "program" | "other";
/** Rate a variable name for an assignment written before a command or exported by a script. */
export declare function variableRisk(name: string): VariableRisk;
/**
 * Hits for the environment a command runs with: `PAGER=… git log`, `env LD_PRELOAD=… ls`,
 * `sudo PATH=… kubectl get pods` (the analyser carries a wrapper's assignments to the command
 * it runs). Only harmless variables keep a read.
 */
export declare function assignmentHits(command: ShellCommand): Hit[];
/**
 * The program-pointing variable a command sets for the rest of its script, if any:
 * `PATH=./bin:$PATH` on its own, `export PATH=…`, `declare -x LD_PRELOAD=…`.
 */
export declare function taintedVariable(command: ShellCommand): string | undefined;
