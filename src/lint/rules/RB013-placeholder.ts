import { findPlaceholders } from "../placeholders.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/** RB013: a command still holding `<HOST>`, `YOUR_…`, `CHANGEME` or `{{…}}` runs with it literally. */
export const placeholder: LintRule = {
  id: "RB013",
  alias: "placeholder",
  description: "Unfilled placeholder (`<HOST>`, `YOUR_…`, `CHANGEME`, `{{…}}`) in a command.",
  defaultSeverity: "error",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, command, at } of commands) {
      for (const found of findPlaceholders(command.script)) {
        reports.push({
          ...at(found),
          message: `Unexpected placeholder \`${found.text}\` in ${stepLabel(step)}, expected a real value; the command would run with the placeholder as written`,
          fix: 'Declare a parameter in the front matter (`parameters: { HOST: … }`) and write `"$HOST"`, or put the value in',
        });
      }
    }
    return reports;
  },
};
