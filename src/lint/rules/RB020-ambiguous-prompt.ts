import { commandName, SHELL_NAMES } from "../../shell/index.js";
import { pastedOutput } from "../pasted-output.js";
import { rootPromptSession, shellSwitchBefore } from "../root-prompts.js";
import { stepLabel } from "../step-label.js";
import type { LintContext, LintRule, RuleReport } from "../types.js";

/** Transcripts have their prompts and output handled by the parser. */
const TRANSCRIPTS: ReadonlySet<string> = new Set(["console", "shell-session", "shellsession"]);

/** Fences whose `# ` lines could be a root shell's prompts (`console` strips them already). */
const SCRIPT_SHELLS: ReadonlySet<string> = new Set(["bash", "sh", "shell", "zsh"]);

/**
 * RB020: a shell fence where prompts and script cannot be told apart (`$ ` on some lines
 * after plain script lines, a `# ` line in a pasted session, a session pasted from a root
 * shell whose `# ` prompts read as comments, or a session pasted without any prompt, whose
 * output lines would run as commands). It would run as written, so lint stops the run rather
 * than guess (design rule 11).
 */
export const ambiguousPrompt: LintRule = {
  id: "RB020",
  alias: "ambiguous-prompt",
  description:
    "Shell fence mixing `$ ` prompt lines with script lines; it cannot be read as either.",
  defaultSeverity: "error",
  check(context) {
    const { runbook } = context;
    const reports: RuleReport[] = [...promptlessSessions(context)];
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
      const opener = shellSwitchBefore(block.value, block.prompts.line);
      if (opener !== undefined) {
        reports.push({
          line: block.line + block.prompts.line,
          column: block.column,
          message: `Unexpected \`# \` lines after \`$ ${opener}\` in a \`${block.language}\` fence: they are typed into the shell \`${opener}\` opens, which a step cannot do (its stdin is /dev/null); read as a session they would run as your own user after that shell exits`,
          fix: `Remove \`${opener}\` and run each command with \`sudo\` (or \`sudo -u USER\`) in a \`\`\`bash fence, e.g. \`sudo /path/to/script list\``,
        });
        continue;
      }
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

/** Output pasted into a script fence without prompts: the shell would run it as commands. */
function promptlessSessions({ runbook, commands }: LintContext): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const lint of commands) {
    const { step, command } = lint;
    if (!SHELL_NAMES.has(commandName(command.interpreter.program))) continue;
    const block = runbook.codeBlocks.find((b) => b.line === command.line);
    if (block === undefined || block.prompts !== undefined || TRANSCRIPTS.has(block.language))
      continue;
    const output = pastedOutput(lint);
    if (output === undefined) continue;
    const where = output.afterCommand ? "the output of the command above it" : "output or data";
    reports.push({
      ...output.at,
      message: `Unexpected \`${output.text.slice(0, 60)}\` in a \`${command.language || "shell"}\` fence in ${stepLabel(step)}: it looks like ${where}, not a command, and the shell would run it as one`,
      fix: "For a pasted session, change the fence to ```console and start every command with `$ ` (output lines without); for output alone, use ```text",
    });
  }
  return reports;
}
