import type { Finding, Severity } from "../core/findings.js";
import type { Runbook } from "../core/runbook.js";

/** Static facts about a rule, used by every output format (SARIF needs them all). */
export interface RuleMeta {
  /** Stable id, `RB001`… Never reused. */
  readonly id: string;
  /** Short kebab-case alias, e.g. `fence-at-margin`. */
  readonly alias: string;
  /** One sentence: what the rule reports. */
  readonly description: string;
  readonly defaultSeverity: Severity;
}

/** What a rule reports; the engine adds id, alias and the configured severity. */
export type RuleReport = Omit<Finding, "ruleId" | "alias" | "severity">;

/** A lint rule: pure, never throws, reports through its return value. */
export interface LintRule extends RuleMeta {
  check(context: LintContext): readonly RuleReport[];
}

/** Everything a rule may look at. */
export interface LintContext {
  readonly runbook: Runbook;
}

/** Where a rule's documentation lives; SARIF `helpUri` and text output link here. */
export const RULE_DOCS_BASE = "https://github.com/runbook-exec/runbook-exec/blob/main/docs/rules/";

export function ruleHelpUri(rule: Pick<RuleMeta, "id" | "alias">): string {
  return `${RULE_DOCS_BASE}${rule.id}-${rule.alias}.md`;
}
