import { dialectOf } from "../../shell/index.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/**
 * RB023: a fence that runs in `sh` (dash on Debian and Ubuntu) or zsh uses bash syntax. The
 * script means something else there (`((rm -r -f , dir))` is arithmetic to bash and two
 * subshells deleting `dir` to dash), so it is never rated `read_only`.
 */
export const bashInSh: LintRule = {
  id: "RB023",
  alias: "bash-in-sh",
  description:
    "A script that runs in sh or zsh uses bash-only syntax, which that shell reads differently.",
  defaultSeverity: "warning",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, command, bashOnly, at } of commands) {
      const shellName = dialectOf(command.interpreter.program) === "zsh" ? "zsh" : "`sh`";
      for (const found of bashOnly.slice(0, 5))
        reports.push({
          ...at(found),
          message: `Unexpected bash syntax \`${found.construct}\` in ${stepLabel(step)}, expected syntax ${shellName} reads the same way; ${shellName} runs this fence`,
          fix: "Mark the fence `bash` if the script needs bash, or rewrite it in POSIX sh (`[ … ]` for `[[ … ]]`, `$(( … ))` for `(( … ))`, no arrays, `<<<` or `&>`)",
        });
    }
    return reports;
  },
};
