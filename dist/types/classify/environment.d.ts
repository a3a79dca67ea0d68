import type { ShellCommand } from "../shell/index.js";
import { type Hit } from "./hit.js";
/** How much a variable assignment can change what a command does. */
export type VariableRisk = "harmless" | "program" | "config" | "other";
/** Rate a variable name for an assignment written before a command or exported by a script. */
export declare function variableRisk(name: string): VariableRisk;
/**
 * Hits for the environment a command runs with: `PAGER=… git log`, `env LD_PRELOAD=… ls`,
 * `sudo PATH=… kubectl get pods` (the analyser carries a wrapper's assignments to the command
 * it runs). Only harmless variables keep a read.
 */
export declare function assignmentHits(command: ShellCommand): Hit[];
/**
 * The program- or configuration-pointing variable a command sets for the rest of its script, if
 * any: `PATH=./bin:$PATH` on its own, `export PATH=…`, `declare -x LD_PRELOAD=…`,
 * `export KUBECONFIG=./kc`.
 */
export declare function taintedVariable(command: ShellCommand): string | undefined;
/**
 * Whether a variable tainted earlier in the script reaches this command: every named command for
 * a program-pointing variable; a configuration only reaches programs, never the pure built-ins
 * (`export KUBECONFIG=… && echo "$KUBECONFIG"` stays a read).
 */
export declare function taintReaches(variable: string, command: ShellCommand): boolean;
/** Hits for a command run by a wrapper that loads its environment: at least `modifying`. */
export declare function loadedEnvironmentHits(command: ShellCommand): Hit[];
