import { commandName } from "../../shell/index.js";
import { findPlaceholders } from "../placeholders.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/** The grammar is bash's; zsh scripts may use syntax it does not know. */
const CHECKED_SHELLS = new Set(["bash", "sh", "dash", "ksh"]);
const MAX_SNIPPET = 60;

/** RB011: a script the shell cannot parse fails before running anything. */
export const shellSyntax: LintRule = {
  id: "RB011",
  alias: "shell-syntax",
  description: "Shell script does not parse; the step would fail.",
  defaultSeverity: "error",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, command, shell, at } of commands) {
      const error = shell?.syntaxError;
      if (error === undefined || !CHECKED_SHELLS.has(commandName(command.interpreter.program)))
        continue;
      // `<HOST>` breaks the parse too; RB013 reports the placeholder, which is the real cause.
      if (findPlaceholders(command.script).some((p) => p.line === error.line)) continue;
      const text = (command.script.split("\n")[error.line - 1] ?? "").trim();
      const near = text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
      reports.push({
        ...at(error),
        message: `Unexpected shell syntax error in ${stepLabel(step)} near \`${near}\`, expected a script the shell can parse; the step would fail`,
        fix: "Check quotes, brackets, `do`/`done`, `then`/`fi` and line continuations (`\\`) around this line; `bash -n` shows the shell's own message",
      });
    }
    return reports;
  },
};
