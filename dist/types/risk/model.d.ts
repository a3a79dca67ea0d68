import type { Reason, RiskLevel, RiskSource } from "../core/risk.js";
import type { Step } from "../core/runbook.js";
import type { RuleVerdict } from "../classify/types.js";
/** A step to classify together with the rules' verdict on it. */
export interface StepToClassify {
    readonly step: Step;
    readonly rules: RuleVerdict;
}
/** One runbook's steps to classify. */
export interface RunbookToClassify {
    readonly path: string;
    readonly title: string;
    readonly steps: readonly StepToClassify[];
}
/** What the model said about one step, or why nothing usable came back. */
export type LlmVerdict = {
    readonly kind: "answer";
    readonly risk: RiskLevel;
    readonly reasoning: string;
    /** The step's text looks like it addresses the classifier; the model may not lower the rules' risk. */
    readonly injectionSuspected: boolean;
} | {
    readonly kind: "unusable";
    readonly detail: string;
};
/** Classifies the steps of many runbooks with a model (batched, cached, concurrent). */
export interface RiskModel {
    /**
     * One result list per runbook, aligned with its `steps`. `undefined` marks a step that was
     * not sent (it has no commands, so nothing of it ever runs). Never throws.
     */
    classify(runbooks: readonly RunbookToClassify[]): Promise<readonly (readonly (LlmVerdict | undefined)[])[]>;
}
/** A step's final risk after merging rules, model and annotation. */
export interface MergedRisk {
    readonly risk: RiskLevel;
    readonly riskSource: RiskSource;
    readonly reasons: readonly Reason[];
}
