import { SHELL_NAMES } from "../../shell/index.js";
import type { ShellCommand } from "../../shell/types.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

const FETCHERS = new Set(["curl", "wget"]);
const INTERPRETERS = new Set([...SHELL_NAMES, "python", "python3", "perl", "ruby", "node"]);
/** `bash <(curl …)`, `sh -c "$(curl …)"`, `source <(wget -O- …)`, `eval "$(curl …)"`. */
const FETCHED_TEXT = /^(<\(|\$\()\s*(curl|wget)\b/;

/** An interpreter reading its program from stdin (`| sh`, `| bash -s -- args`, `| python3 -`). */
function readsStdin(command: ShellCommand): boolean {
  const operand = command.argv.slice(1).find((w) => !w.value.startsWith("-") || w.value === "-");
  return (
    INTERPRETERS.has(command.name) &&
    (operand === undefined || operand.value === "-" || command.argv.some((w) => w.value === "-s"))
  );
}

/** `curl … | sh` and friends: whatever the server sends runs, unreviewed and unpinned. */
function fetchedAndRun(
  command: ShellCommand,
  all: readonly ShellCommand[],
  pipelines: readonly (readonly number[])[],
): boolean {
  if (
    ["eval", "source", ".", ...INTERPRETERS].includes(command.name) &&
    command.argv.some((w) => FETCHED_TEXT.test(w.value))
  )
    return true;
  const pipe = command.pipeline;
  if (pipe === undefined || pipe.position === 0 || !readsStdin(command)) return false;
  const before = (pipelines[pipe.id] ?? []).slice(0, pipe.position);
  return before.some((i) => FETCHERS.has(all[i]?.name ?? ""));
}

/** RB014: piping downloaded text into a shell. */
export const pipeToShell: LintRule = {
  id: "RB014",
  alias: "pipe-to-shell",
  description: "Downloaded script run unreviewed (`curl` piped into `sh`, `bash <(curl …)`).",
  defaultSeverity: "warning",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, shell, at } of commands) {
      if (shell === undefined) continue;
      for (const command of shell.commands) {
        if (!fetchedAndRun(command, shell.commands, shell.pipelines)) continue;
        reports.push({
          ...at(command),
          message: `Unexpected downloaded script run by \`${command.name}\` in ${stepLabel(step)}, expected a reviewed, pinned file; whatever the server sends would run`,
          fix: "Download to a file, check its checksum (`sha256sum -c`), then run the file; or install a pinned package",
        });
      }
    }
    return reports;
  },
};
