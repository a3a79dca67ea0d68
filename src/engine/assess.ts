import type { Parser } from "web-tree-sitter";
import type { Finding } from "../core/findings.js";
import { riskRank, type Reason, type RiskLevel, type RiskSource } from "../core/risk.js";
import type { Runbook, Step } from "../core/runbook.js";
import type { Config } from "../config/types.js";
import { classifyCommands } from "../classify/index.js";
import type { RuleVerdict } from "../classify/types.js";
import { lintRunbook } from "../lint/index.js";
import { mergeRisk } from "../llm/merge.js";
import type { LlmVerdict, StepToClassify } from "../llm/types.js";
import { classificationCommands, parameterizeRunbook } from "../plan/parameterize.js";

/** A step with everything validate and run need to know about its risk. */
export interface AssessedStep {
  readonly step: Step;
  /** The rules' verdict alone, kept for the model and for the audit log. */
  readonly rules: RuleVerdict;
  readonly risk: RiskLevel;
  readonly riskSource: RiskSource;
  readonly reasons: readonly Reason[];
  /** Above the auto-approve level: a human must approve it before it runs. */
  readonly needsApproval: boolean;
}

/** A runbook after lint and the rules, before any model is asked. */
export interface RuleAssessment {
  readonly runbook: Runbook;
  readonly findings: readonly Finding[];
  /** Each step with the rules' verdict on it, in order. */
  readonly steps: readonly StepToClassify[];
}

/** Parameter values known when a runbook is assessed. */
export interface AssessOptions {
  /**
   * Name → value of every bound parameter (`--var`, defaults, answers). Default: the front
   * matter's defaults, which is what `validate` knows.
   */
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * Turns placeholders into parameters (design rule 12), lints the runbook and classifies each
 * step with the rules, as it runs with the values known. Pure given the parser.
 */
export function assessWithRules(
  parsed: Runbook,
  parser: Parser,
  config: Config,
  options: AssessOptions = {},
): RuleAssessment {
  const runbook = parameterizeRunbook(parsed, parser);
  const values = options.values ?? declaredDefaults(runbook);
  const steps = runbook.steps.map((step) => ({
    step,
    rules: classifyCommands(parser, classificationCommands(step, values)),
  }));
  // Lint's unmarked-destructive rule needs the same verdicts: hand them over, classify once.
  const verdicts = new Map(steps.map(({ step, rules }) => [step.index, rules]));
  const boundParameters = new Set(Object.keys(values));
  return {
    runbook,
    findings: lintRunbook(runbook, { parser, severities: config.rules, verdicts, boundParameters }),
    steps,
  };
}

function declaredDefaults(runbook: Runbook): Record<string, string> {
  const values: Record<string, string> = {};
  for (const declared of runbook.frontMatter?.parameters ?? [])
    if (declared.default !== undefined) values[declared.name] = declared.default;
  return values;
}

/**
 * Final per-step risk: the merge policy over the rules, the model's answer (when there is
 * one) and the author's annotation; `needsApproval` against the auto-approve level.
 */
export function finishAssessment(
  assessment: RuleAssessment,
  llm: readonly (LlmVerdict | undefined)[],
  config: Pick<Config, "strict" | "autoApproveLevel">,
): AssessedStep[] {
  return assessment.steps.map(({ step, rules }, position) => {
    const merged = mergeRisk({
      rules,
      llm: llm[position],
      annotation: step.annotatedRisk,
      strict: config.strict,
    });
    return {
      step,
      rules,
      risk: merged.risk,
      riskSource: merged.riskSource,
      reasons: merged.reasons,
      needsApproval:
        step.commands.length > 0 && riskRank(merged.risk) > riskRank(config.autoApproveLevel),
    };
  });
}
