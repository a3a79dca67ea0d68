import { attributeReports } from "../attributes.js";
import type { LintRule } from "../types.js";

/** RB009: an attribute the runner does not know (often a typo of `risk`, `timeout` or `name`). */
export const fenceAttributeUnknown: LintRule = {
  id: "RB009",
  alias: "fence-attribute-unknown",
  description: "Unknown fence attribute; only `risk`, `timeout` and `name` are read.",
  defaultSeverity: "warning",
  check: ({ runbook }) => attributeReports(runbook, (kind) => kind === "unknown"),
};
