import type { Parser } from "web-tree-sitter";
import type { RuleVerdict } from "../classify/types.js";
import type { Finding, Severity } from "../core/findings.js";
import type { Runbook } from "../core/runbook.js";
import type { RuleSeverity } from "../config/types.js";
import { buildContext } from "./context.js";
import { ALL_RULES } from "./registry.js";
import type { LintContext, LintRule, RuleReport } from "./types.js";

export { ALL_RULES } from "./registry.js";
export { ruleHelpUri, type LintRule, type RuleMeta } from "./types.js";

/** Options for {@link lintRunbook}. */
export interface LintOptions {
  /** web-tree-sitter with the bash grammar, from `loadBashParser()`. */
  readonly parser: Parser;
  /** Config `[rules]`: rule id or alias → `error | warning | info | off`; the id wins over the alias. */
  readonly severities: Readonly<Record<string, RuleSeverity>>;
  /** The rules' verdict per step index, when the caller computed it already (else computed here). */
  readonly verdicts?: ReadonlyMap<number, RuleVerdict> | undefined;
  /** Parameters that have a value (defaults, `--var`); placeholders of others are unbound. */
  readonly boundParameters?: ReadonlySet<string> | undefined;
  /** The configured `audit_key_file` (RB025 reports a step that names it). */
  readonly auditKeyFile?: string | undefined;
}

function severityOf(rule: LintRule, severities: LintOptions["severities"]): RuleSeverity {
  return severities[rule.id] ?? severities[rule.alias] ?? rule.defaultSeverity;
}

/** Rules report, never throw; should one throw anyway, the crash becomes a finding, not a stack trace. */
function runRule(rule: LintRule, context: LintContext): readonly RuleReport[] {
  try {
    return rule.check(context);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return [
      {
        line: 1,
        column: 1,
        message: `Internal error in rule ${rule.id} (${rule.alias}): ${detail}`,
        fix: "Please report this with the runbook attached; set the rule to `off` in `[rules]` meanwhile",
      },
    ];
  }
}

/** Rule ids are ASCII (`RB001`), so code-point order is their order, without a collator. */
function byPosition(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/**
 * Lints one parsed runbook: every enabled rule, with the configured severity, sorted by
 * line, column and rule id. Pure given the parser.
 */
export function lintRunbook(runbook: Runbook, options: LintOptions): Finding[] {
  return lintWithRules(ALL_RULES, runbook, options);
}

/** {@link lintRunbook} with a given rule set (tests use it to check the crash guard). */
export function lintWithRules(
  rules: readonly LintRule[],
  runbook: Runbook,
  options: LintOptions,
): Finding[] {
  const context = buildContext(runbook, options);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule, options.severities);
    if (severity === "off") continue;
    for (const report of runRule(rule, context)) {
      const { severity: milder, ...rest } = report;
      // A rule may report a case milder than its default; a configured severity always wins.
      const configured = severity !== rule.defaultSeverity;
      findings.push({
        ruleId: rule.id,
        alias: rule.alias,
        severity: (configured ? severity : (milder ?? severity)) satisfies Severity,
        ...rest,
      });
    }
  }
  return findings.sort(byPosition);
}
