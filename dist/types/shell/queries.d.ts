import type { ShellAnalysis, ShellCommand } from "./types.js";
/**
 * The commands feeding `command` through its pipeline (the earlier stages), first stage
 * first: for `curl -s URL | tee x | sh`, the feeders of `sh` are `curl` and `tee`.
 */
export declare function feedersOf(analysis: ShellAnalysis, command: ShellCommand): ShellCommand[];
