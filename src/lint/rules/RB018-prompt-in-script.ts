import { commandName, SHELL_NAMES } from "../../shell/index.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

const PROMPT = /^(\s*)\$\s+\S/;
/** Transcripts have their prompts stripped by the parser; these are fine. */
const TRANSCRIPTS = new Set(["console", "shell-session", "shellsession"]);

/**
 * RB018: `$ kubectl …` in a script fence. A `bash`/`sh`/`shell`/`zsh` fence written as a
 * terminal session is read like `console` (design rule 11): a warning that suggests saying so.
 * Any other shell fence (no language, a configured one) would run `$` as a command: an error.
 */
export const promptInScript: LintRule = {
  id: "RB018",
  alias: "prompt-in-script",
  description:
    "Shell prompt (`$ `) in a script fence: read as a terminal session, or run as a command `$`.",
  defaultSeverity: "warning",
  check({ runbook, commands }) {
    const reports: RuleReport[] = [];
    for (const block of runbook.codeBlocks) {
      if (block.prompts?.kind !== "session" || !block.executable) continue;
      const row = block.value.split("\n").findIndex((text) => PROMPT.test(text));
      reports.push({
        line: block.line + row + 1,
        column: block.column,
        message: `Unexpected prompt \`$ \` in a \`${block.language}\` fence, expected a script; it is read as a terminal session: \`$ \` lines run, other lines are output and dropped`,
        fix: `Change the fence to \`\`\`console to say it is a session, or remove the \`$ \` prompts and the output lines`,
      });
    }
    for (const { step, command, at } of commands) {
      if (TRANSCRIPTS.has(command.language)) continue;
      if (!SHELL_NAMES.has(commandName(command.interpreter.program))) continue;
      const line = command.script.split("\n").findIndex((text) => PROMPT.test(text));
      if (line === -1) continue;
      const fromSession = runbook.codeBlocks.some(
        (block) => block.line === command.line && block.prompts !== undefined,
      );
      if (fromSession) continue;
      const indent = PROMPT.exec(command.script.split("\n")[line] ?? "")?.[1]?.length ?? 0;
      reports.push({
        ...at({ line: line + 1, column: indent + 1 }),
        severity: "error",
        message: `Unexpected prompt \`$ \` in a \`${command.language || "shell"}\` fence in ${stepLabel(step)}, expected the bare command; the shell would run \`$\` and fail`,
        fix: "Remove the `$ ` prompts, or change the fence to ```console (prompt lines run, other lines count as output)",
      });
    }
    return reports;
  },
};
