import { closest } from "../../config/suggest.js";
import type { CodeBlock } from "../../core/runbook.js";
import { fenceInfo } from "../fence-info.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport, SourcePosition } from "../types.js";
import { stepBlocks } from "../step-blocks.js";

/** Languages that run; a near miss of one of these is a typo. */
const EXECUTABLE = [
  "bash",
  "sh",
  "shell",
  "zsh",
  "console",
  "shell-session",
  "python",
  "pwsh",
  "powershell",
];
/** Real languages that happen to be one edit away from an executable one. */
const NOT_TYPOS = new Set([
  "csh",
  "ksh",
  "tcsh",
  "fish",
  "dash",
  "ash",
  "rb",
  "js",
  "ts",
  "cs",
  "go",
  "pl",
  "ps",
  "php",
]);
const PROMPT = /^(\s*)\$ +\S/;

function firstPrompt(block: CodeBlock): SourcePosition | undefined {
  const body = block.value.split("\n");
  for (const [offset, text] of body.entries()) {
    const match = PROMPT.exec(text);
    if (match !== null) {
      return { line: block.line + offset + 1, column: block.column + (match[1]?.length ?? 0) };
    }
  }
  return undefined;
}

/** RB006: a block that never runs although it was probably meant to (typo, or prompts in `text`). */
export const commandInText: LintRule = {
  id: "RB006",
  alias: "command-in-text",
  description:
    "Non-executable fence language where a command was probably meant (a typo of `bash`, or `$ ` prompts in `text`).",
  defaultSeverity: "warning",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const { block, step } of stepBlocks(runbook)) {
      if (block.kind !== "fenced" || block.executable || block.value.trim() === "") continue;
      if (block.language === "") continue;
      const language = `\`${block.language}\``;
      const typo = NOT_TYPOS.has(block.language) ? undefined : closest(block.language, EXECUTABLE);
      if (typo !== undefined && typo !== block.language) {
        reports.push({
          line: block.line,
          column: fenceInfo(block, runbook.lines).language?.column ?? block.column,
          message: `Unexpected fence language ${language} in ${stepLabel(step)}, expected \`${typo}\`; ${language} does not run, so this block is skipped`,
          fix: `Change the fence to \`\`\`${typo}`,
        });
        continue;
      }
      const prompt = firstPrompt(block);
      if (prompt === undefined) continue;
      reports.push({
        ...prompt,
        message: `Unexpected command prompt in a ${language} fence in ${stepLabel(step)}, expected an executable language; ${language} fences are shown, never run`,
        fix: "Change the fence to ```console to run the `$ ` lines (other lines count as output), or to ```bash without the prompts",
      });
    }
    return reports;
  },
};
