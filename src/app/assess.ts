import type { Parser } from "web-tree-sitter";
import type { Finding } from "../core/findings.js";

import type { Runbook } from "../core/runbook.js";
import type { Config } from "../config/types.js";
import { classifyCommands } from "../classify/index.js";

import { lintRunbook } from "../lint/index.js";

import type { StepToClassify } from "../risk/model.js";

/** A runbook after lint and the rules, before any model is asked. */
export interface RuleAssessment {
  readonly runbook: Runbook;
  readonly findings: readonly Finding[];
  /** Each step with the rules' verdict on it, in order. */
  readonly steps: readonly StepToClassify[];
}

/** Lints a parsed runbook and classifies each step with the rules. Pure given the parser. */
export function assessWithRules(runbook: Runbook, parser: Parser, config: Config): RuleAssessment {
  const steps = runbook.steps.map((step) => ({
    step,
    rules: classifyCommands(parser, step.commands),
  }));
  // Lint's unmarked-destructive rule needs the same verdicts: hand them over, classify once.
  const verdicts = new Map(steps.map(({ step, rules }) => [step.index, rules]));
  return {
    runbook,
    findings: lintRunbook(runbook, { parser, severities: config.rules, verdicts }),
    steps,
  };
}
