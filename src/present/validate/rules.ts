import type { RuleMeta } from "../../lint/types.js";

/** Just enough of a rule to label a finding. */
export type RuleLabel = Pick<RuleMeta, "id" | "alias">;

/** A lookup from rule id to alias; unknown ids get no alias. */
export function aliasLookup(rules: readonly RuleLabel[]): (ruleId: string) => string | undefined {
  const aliases = new Map(rules.map((rule) => [rule.id, rule.alias]));
  return (ruleId) => aliases.get(ruleId);
}
