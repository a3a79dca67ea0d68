import type { ShellAnalysis, ShellCommand } from "./types.js";

/**
 * The commands feeding `command` through its pipeline (the earlier stages), first stage
 * first: for `curl -s URL | tee x | sh`, the feeders of `sh` are `curl` and `tee`.
 */
export function feedersOf(analysis: ShellAnalysis, command: ShellCommand): ShellCommand[] {
  const ref = command.pipeline;
  if (ref === undefined) return [];
  const out: ShellCommand[] = [];
  for (const index of analysis.pipelines[ref.id] ?? []) {
    const other = analysis.commands[index];
    if (other?.pipeline !== undefined && other.pipeline.position < ref.position) out.push(other);
  }
  return out;
}
