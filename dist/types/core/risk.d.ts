/** The three risk levels, lowest first. Order matters: comparisons use the index. */
export declare const RISK_LEVELS: readonly ["read_only", "modifying", "destructive"];
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** Who decided a step's final risk. */
export declare const RISK_SOURCES: readonly ["rules", "llm", "annotation"];
export type RiskSource = (typeof RISK_SOURCES)[number];
/** One piece of evidence behind a verdict: a stable rule id and a sentence for people. */
export interface Reason {
    readonly ruleId: string;
    readonly message: string;
}
/** Position of `level` in {@link RISK_LEVELS}; higher is riskier. */
export declare function riskRank(level: RiskLevel): number;
/** The riskier of two levels. */
export declare function maxRisk(a: RiskLevel, b: RiskLevel): RiskLevel;
/** True when `value` names a risk level. */
export declare function isRiskLevel(value: string): value is RiskLevel;
