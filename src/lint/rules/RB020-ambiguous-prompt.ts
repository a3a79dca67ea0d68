import type { LintRule, RuleReport } from "../types.js";

/**
 * RB020: a shell fence where prompts and script cannot be told apart (`$ ` on some lines
 * after plain script lines, or a `# ` line in a pasted session). It runs as written, `$`
 * and all, so lint stops the run rather than guess (design rule 11).
 */
export const ambiguousPrompt: LintRule = {
  id: "RB020",
  alias: "ambiguous-prompt",
  description:
    "Shell fence mixing `$ ` prompt lines with script lines; it cannot be read as either.",
  defaultSeverity: "error",
  check({ runbook }) {
    const reports: RuleReport[] = [];
    for (const block of runbook.codeBlocks) {
      if (block.prompts?.kind !== "ambiguous" || !block.executable) continue;
      reports.push({
        line: block.line + block.prompts.line,
        column: block.column,
        message: `Unexpected mix of prompts and script in a \`${block.language}\` fence: ${block.prompts.why}; it is neither a script nor a terminal session`,
        fix: "For a session, change the fence to ```console and start every command with `$ ` (output lines without); for a script, remove every `$ ` prompt and the output",
      });
    }
    return reports;
  },
};
