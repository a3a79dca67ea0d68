import type { Runbook, Step } from "../../core/runbook.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/** The step's command is lost to a margin fence, an indented block or an empty fence: RB002–RB004 say so. */
function explainedElsewhere(step: Step, runbook: Runbook): boolean {
  return runbook.codeBlocks.some(
    (b) =>
      (b.followsStepIndex === step.index && b.kind === "fenced" && b.executable) ||
      (b.stepIndex === step.index && (b.kind === "indented" || b.value.trim() === "")),
  );
}

/** RB001: a step that runs nothing (fine for a manual step, a surprise otherwise). */
export const noCommand: LintRule = {
  id: "RB001",
  alias: "no-command",
  description: "Step has no executable command; it is shown but nothing runs.",
  defaultSeverity: "info",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const step of runbook.steps) {
      if (step.commands.length > 0 || explainedElsewhere(step, runbook)) continue;
      const inline = step.inlineCode[0];
      reports.push({
        line: step.line,
        column: step.column,
        message: `Unexpected ${stepLabel(step)} without an executable command, expected a fenced \`bash\` block indented under it; it is shown, nothing runs`,
        fix:
          inline === undefined
            ? `If step ${step.index} should run something, add an indented \`\`\`bash fence under the item; a manual step needs no change`
            : `Inline code such as \`${inline}\` is never run: put the command in an indented \`\`\`bash fence, or set \`inline_code_commands = true\``,
      });
    }
    return reports;
  },
};
