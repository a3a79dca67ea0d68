import type { Parser } from "web-tree-sitter";
import type { Finding } from "../core/findings.js";
import type { Runbook } from "../core/runbook.js";
import type { Config } from "../config/types.js";
import { classifyCommands } from "../classify/index.js";
import { lintRunbook } from "../lint/index.js";
import { classificationCommands, parameterizeRunbook } from "../plan/parameterize.js";
import type { StepToClassify } from "../risk/model.js";

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
    findings: lintRunbook(runbook, {
      parser,
      severities: config.rules,
      verdicts,
      boundParameters,
      auditKeyFile: config.auditKeyFile,
    }),
    steps,
  };
}

function declaredDefaults(runbook: Runbook): Record<string, string> {
  const values: Record<string, string> = {};
  for (const declared of runbook.frontMatter?.parameters ?? [])
    if (declared.default !== undefined) values[declared.name] = declared.default;
  return values;
}
