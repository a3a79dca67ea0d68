import { interactiveUse, type InteractiveKind } from "../interactive.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

const WHY: Readonly<Record<InteractiveKind, string>> = {
  terminal: "steps run without a terminal, so it fails or hangs",
  input:
    "steps run with stdin from /dev/null, so it reads nothing and does not do what the runbook means",
  endless: "it never exits on its own, so the step hangs until its timeout kills it",
};

/** RB012: editors, REPLs, database clients, login shells and followers cannot run unattended. */
export const interactiveCommand: LintRule = {
  id: "RB012",
  alias: "interactive-command",
  description:
    "Interactive or never-ending command (`vim`, `top`, `ssh` without a command, `psql` without `-c`, `read`, `tail -f`…).",
  defaultSeverity: "error",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, shell, at } of commands) {
      for (const command of shell?.commands ?? []) {
        const found = interactiveUse(command);
        if (found === undefined) continue;
        reports.push({
          ...at(command),
          message: `Unexpected interactive command ${found.label} in ${stepLabel(step)}, expected a non-interactive form: ${WHY[found.kind]}`,
          fix: found.fix,
        });
      }
    }
    return reports;
  },
};
