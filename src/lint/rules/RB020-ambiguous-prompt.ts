import type { LintRule, RuleReport } from "../types.js";
import { rootPromptSession } from "../root-prompts.js";

/** Fences whose `# ` lines could be a root shell's prompts (`console` strips them already). */
const SCRIPT_SHELLS: ReadonlySet<string> = new Set(["bash", "sh", "shell", "zsh"]);

/**
 * RB020: a shell fence where prompts and script cannot be told apart (`$ ` on some lines
 * after plain script lines, a `# ` line in a pasted session, or a session pasted from a root
 * shell whose `# ` prompts read as comments). It would run as written, so lint stops the run
 * rather than guess (design rule 11).
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
      if (!block.executable) continue;
      const root =
        block.prompts === undefined && SCRIPT_SHELLS.has(block.language)
          ? rootPromptSession(block.value)
          : undefined;
      if (root !== undefined) {
        const output = root.withOutput
          ? ", and the lines that look like its output run as commands"
          : "";
        reports.push({
          line: block.line + root.line,
          column: block.column,
          message: `Unexpected \`# ${root.program} …\` in a \`${block.language}\` fence: a root shell's prompt or a comment? As written it is a comment and never runs${output}`,
          fix: "For a pasted root session, change the fence to ```console (`# ` and `$ ` lines run, other lines are output); for a script, remove the `# ` before each command and the output lines",
        });
        continue;
      }
      if (block.prompts?.kind !== "ambiguous") continue;
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
