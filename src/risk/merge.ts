import { maxRisk, riskRank, type Reason, type RiskLevel } from "../core/risk.js";
import type { RuleVerdict } from "../classify/types.js";
import type { LlmVerdict, MergedRisk } from "./model.js";

/** Stable reason ids this module adds next to the rules' own reasons. */
export const MERGE_REASON_IDS = {
  classification: "llm.classification",
  unusable: "llm.unusable",
  belowFloor: "llm.below-floor",
  strict: "llm.strict",
  injection: "llm.injection-suspected",
  annotation: "annotation",
} as const;

/** Inputs to {@link mergeRisk}. */
export interface MergeInput {
  readonly rules: RuleVerdict;
  /** The model's verdict, or why it gave none; absent when the model was not asked. */
  readonly llm?: LlmVerdict | undefined;
  /** `risk=` from the step's fence attributes. */
  readonly annotation?: RiskLevel | undefined;
  /** `--strict`: the model may not lower the rules' risk, only raise it. */
  readonly strict: boolean;
}

/**
 * The merge policy (design.md, invariant 2): final = max(lower bound, model, annotation), where the
 * lower bound is the rules' floor, or the rules' risk under `--strict`, for a suspected injection,
 * or when the model gave no usable answer (fail closed).
 *
 * `riskSource` names the input that set the final level: `annotation` only when it raised the
 * level, `llm` only when the model moved it away from the rules' verdict, `rules` otherwise
 * (ties go to the rules, then to the model).
 */
export function mergeRisk(input: MergeInput): MergedRisk {
  const { rules, llm, annotation, strict } = input;
  const reasons: Reason[] = [...rules.reasons];
  let level = rules.risk;
  let source: MergedRisk["riskSource"] = "rules";

  if (llm?.kind === "unusable") {
    reasons.push({
      ruleId: MERGE_REASON_IDS.unusable,
      message: `model answer unusable (${llm.detail}); kept the rules' verdict \`${rules.risk}\``,
    });
  } else if (llm !== undefined) {
    reasons.push({
      ruleId: MERGE_REASON_IDS.classification,
      message: `Claude: \`${llm.risk}\`: ${llm.reasoning}`,
    });
    const bound = boundFor(rules, llm, strict, reasons);
    level = maxRisk(bound, llm.risk);
    if (level !== rules.risk) source = "llm";
  }

  if (annotation !== undefined) {
    if (riskRank(annotation) > riskRank(level)) {
      level = annotation;
      source = "annotation";
      reasons.push({
        ruleId: MERGE_REASON_IDS.annotation,
        message: `the author annotated \`risk=${annotation}\``,
      });
    } else if (riskRank(annotation) < riskRank(level)) {
      reasons.push({
        ruleId: MERGE_REASON_IDS.annotation,
        message: `annotation \`risk=${annotation}\` ignored: an annotation may only raise the risk (\`${level}\`)`,
      });
    }
  }
  return { risk: level, riskSource: source, reasons };
}

/** The lowest level the model may set, with a reason whenever it tried to go lower. */
function boundFor(
  rules: RuleVerdict,
  llm: Extract<LlmVerdict, { kind: "answer" }>,
  strict: boolean,
  reasons: Reason[],
): RiskLevel {
  const keepRisk = strict || llm.injectionSuspected;
  const bound = keepRisk ? rules.risk : rules.floor;
  if (riskRank(llm.risk) >= riskRank(bound)) return bound;
  if (llm.injectionSuspected) {
    reasons.push({
      ruleId: MERGE_REASON_IDS.injection,
      message: `the step's text reads like instructions to the classifier; kept \`${bound}\` instead of Claude's \`${llm.risk}\``,
    });
  } else if (strict) {
    reasons.push({
      ruleId: MERGE_REASON_IDS.strict,
      message: `--strict keeps the rules' verdict \`${bound}\` instead of Claude's \`${llm.risk}\``,
    });
  } else {
    reasons.push({
      ruleId: MERGE_REASON_IDS.belowFloor,
      message: `Claude's \`${llm.risk}\` is below the floor the rules proved; kept \`${bound}\``,
    });
  }
  return bound;
}
