import { type Reason, type RiskLevel, type RiskSource } from "../core/risk.js";
import type { Step } from "../core/runbook.js";
import type { RuleVerdict } from "../classify/types.js";
import type { Config } from "../config/types.js";
import type { LlmVerdict, StepToClassify } from "./model.js";
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
/**
 * Final per-step risk: the merge policy over the rules, the model's answer (when there is
 * one) and the author's annotation; `needsApproval` against the auto-approve level.
 */
export declare function finishAssessment(steps: readonly StepToClassify[], llm: readonly (LlmVerdict | undefined)[], config: Pick<Config, "strict" | "autoApproveLevel">): AssessedStep[];
