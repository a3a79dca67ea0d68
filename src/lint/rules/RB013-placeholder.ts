import type { PlaceholderUse, UnbindableReason } from "../../core/runbook.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

const WHY_UNBINDABLE: Readonly<Record<UnbindableReason, { why: string; fix: string }>> = {
  not_shell: {
    why: "only shell fences receive parameters",
    fix: "Put the real value in, or move the command to a `bash` fence where `<NAME>` becomes a parameter",
  },
  quoted_heredoc: {
    why: "the heredoc's delimiter is quoted (`<<'EOF'`), so the shell expands nothing in it",
    fix: "Unquote the delimiter (`<<EOF`) if nothing else in the body must stay literal, or put the value in",
  },
  arithmetic: {
    why: "it stands where the shell evaluates arithmetic or variable names, which would run a value as code",
    fix: "Put the value in, or read it into a checked variable first (`[[ $N =~ ^[0-9]+$ ]]`) and use that",
  },
  denied_name: {
    why: "its parameter name changes how programs run, so it is never passed to a step",
    fix: "Rename the placeholder to say what it holds, e.g. `<TARGET_DIR>` instead of `<path>`",
  },
  invalid_name: {
    why: "its name is not a variable name",
    fix: "Rename the placeholder with letters, digits and `_`",
  },
};

/**
 * RB013: a placeholder (`<HOST>`, `YOUR_…`, `CHANGEME`, `{{…}}`) whose parameter has no value,
 * or that cannot receive one. A step with either does not run.
 */
export const placeholder: LintRule = {
  id: "RB013",
  alias: "placeholder",
  description:
    "Placeholder (`<HOST>`, `YOUR_…`, `CHANGEME`, `{{…}}`) without a value, or where no value can be given.",
  defaultSeverity: "error",
  check({ commands, boundParameters }) {
    const reports: RuleReport[] = [];
    for (const { step, command, atWritten } of commands) {
      for (const use of command.placeholders ?? []) {
        const at = atWritten(use);
        if (use.binding.kind === "unbindable") {
          const { why, fix } = WHY_UNBINDABLE[use.binding.reason];
          reports.push({
            ...at,
            message: `Unexpected placeholder \`${use.text}\` in ${stepLabel(step)} that cannot receive a value: ${why}; the step cannot run as written`,
            fix,
          });
        } else if (!boundParameters.has(use.name)) {
          reports.push({ ...at, ...unbound(use, stepLabel(step)) });
        }
      }
    }
    return reports;
  },
};

function unbound(use: PlaceholderUse, label: string): { message: string; fix: string } {
  return {
    message: `Unexpected unbound placeholder \`${use.text}\` in ${label}, expected a value for parameter \`${use.name}\`; the step runs with \`"\${${use.name}}"\` in its place once bound`,
    fix: `Bind it: \`--var ${use.name}=VALUE\` (or the action's \`vars\`), or declare \`${use.name}: default\` under \`parameters:\` in the front matter; an interactive run asks for it`,
  };
}
