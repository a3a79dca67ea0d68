import { commandName, SHELL_NAMES } from "../../shell/index.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

const PROMPT = /^(\s*)\$\s+\S/;
/** Transcripts have their prompts stripped by the parser; these are fine. */
const TRANSCRIPTS = new Set(["console", "shell-session", "shellsession"]);

/** RB018: `$ kubectl …` in a `bash` fence runs a command named `$`, which does not exist. */
export const promptInScript: LintRule = {
  id: "RB018",
  alias: "prompt-in-script",
  description: "Shell prompt (`$ `) in a script fence; the shell would run `$` as a command.",
  defaultSeverity: "error",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, command, at } of commands) {
      if (TRANSCRIPTS.has(command.language)) continue;
      if (!SHELL_NAMES.has(commandName(command.interpreter.program))) continue;
      const line = command.script.split("\n").findIndex((text) => PROMPT.test(text));
      if (line === -1) continue;
      const indent = PROMPT.exec(command.script.split("\n")[line] ?? "")?.[1]?.length ?? 0;
      reports.push({
        ...at({ line: line + 1, column: indent + 1 }),
        message: `Unexpected prompt \`$ \` in a \`${command.language || "shell"}\` fence in ${stepLabel(step)}, expected the bare command; the shell would run \`$\` and fail`,
        fix: "Remove the `$ ` prompts, or change the fence to ```console (prompt lines run, other lines count as output)",
      });
    }
    return reports;
  },
};
