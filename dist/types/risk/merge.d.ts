import { type RiskLevel } from "../core/risk.js";
import type { RuleVerdict } from "../classify/types.js";
import type { LlmVerdict, MergedRisk } from "./model.js";
/** Stable reason ids this module adds next to the rules' own reasons. */
export declare const MERGE_REASON_IDS: {
    readonly classification: "llm.classification";
    readonly unusable: "llm.unusable";
    readonly belowFloor: "llm.below-floor";
    readonly strict: "llm.strict";
    readonly injection: "llm.injection-suspected";
    readonly annotation: "annotation";
};
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
export declare function mergeRisk(input: MergeInput): MergedRisk;
