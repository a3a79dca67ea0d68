import { attributeReports } from "../attributes.js";
import type { LintRule } from "../types.js";

/** RB008: an attribute the runner cannot read is silently dropped (`risk=high`, `timeout=5m`…). */
export const fenceAttributeInvalid: LintRule = {
  id: "RB008",
  alias: "fence-attribute-invalid",
  description:
    "Malformed, duplicate or invalid fence attribute (`risk`, `timeout`, `name`); the runner ignores it.",
  defaultSeverity: "error",
  check: ({ runbook }) => attributeReports(runbook, (kind) => kind !== "unknown"),
};
