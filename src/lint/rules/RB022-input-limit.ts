import type { LintRule } from "../types.js";

/** RB022: a file that crosses a limit of parsing rule 13 is not parsed, so it has no steps. */
export const inputLimit: LintRule = {
  id: "RB022",
  alias: "input-limit",
  description:
    "File too large, nested too deep or too costly to parse; it is not parsed and has no steps.",
  defaultSeverity: "error",
  check({ runbook }) {
    const limit = runbook.inputLimit;
    if (limit === undefined) return [];
    return [{ line: limit.line, column: 1, message: limit.message, fix: limit.fix }];
  },
};
