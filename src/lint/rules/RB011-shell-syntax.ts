import { commandName } from "../../shell/index.js";
import { findPlaceholders } from "../../shell/placeholder-text.js";
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
      const line = command.script.split("\n")[error.line - 1] ?? "";
      // tree-sitter's ERROR node may start at the blank before the offending token.
      const column = error.column + (/^\s*/.exec(line.slice(error.column - 1))?.[0].length ?? 0);
      const text = line.trim();
      const near = text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
      reports.push({
        ...at({ line: error.line, column }),
        message: `Unexpected shell syntax error in ${stepLabel(step)} near \`${near}\`, expected a script the shell can parse; the step would fail`,
        fix: "Check quotes, brackets, `do`/`done`, `then`/`fi` and line continuations (`\\`) around this line; `bash -n` shows the shell's own message",
      });
    }
    return reports;
  },
};
