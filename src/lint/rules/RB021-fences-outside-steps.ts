import type { LintRule } from "../types.js";

/**
 * RB021: executable fences that never run because they are not in a numbered step: a runbook
 * written as headings and fences, or stray fences beside numbered steps. A margin fence right
 * after a step is RB002's, not counted here.
 */
export const fencesOutsideSteps: LintRule = {
  id: "RB021",
  alias: "fences-outside-steps",
  description: "Executable fences outside any numbered step; they never run.",
  defaultSeverity: "warning",
  check({ runbook }) {
    const stray = runbook.codeBlocks.filter(
      (block) =>
        block.kind === "fenced" &&
        block.executable &&
        block.stepIndex === undefined &&
        block.followsStepIndex === undefined,
    );
    const first = stray[0];
    if (first === undefined) return [];
    const count = `${stray.length} executable fence${stray.length === 1 ? "" : "s"}`;
    if (runbook.steps.length === 0) {
      return [
        {
          line: first.line,
          column: first.column,
          message: `Unexpected runbook without numbered steps: ${count} will never run, and \`run\` does nothing`,
          fix: 'Write the procedure as a numbered list (`1.` items with each fence indented under its item), or add `steps: fences` to the front matter (or `step_mode = "fences"` in the config) to run every fence as a step, in order',
        },
      ];
    }
    return [
      {
        line: first.line,
        column: first.column,
        message: `Unexpected ${count} outside the numbered steps; ${stray.length === 1 ? "it" : "they"} will never run (the runbook is read by its numbered steps)`,
        fix: "Indent each fence under the numbered item it belongs to, or make it a step of its own; fences meant as examples can use a non-executable language such as `text`",
      },
    ];
  },
};
