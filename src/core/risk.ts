/** The three risk levels, lowest first. Order matters: comparisons use the index. */
export const RISK_LEVELS = ["read_only", "modifying", "destructive"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Who decided a step's final risk. */
export const RISK_SOURCES = ["rules", "llm", "annotation"] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

/** One piece of evidence behind a verdict: a stable rule id and a sentence for people. */
export interface Reason {
  readonly ruleId: string;
  readonly message: string;
}

/** Position of `level` in {@link RISK_LEVELS}; higher is riskier. */
export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** The riskier of two levels. */
export function maxRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskRank(a) >= riskRank(b) ? a : b;
}

/** True when `value` names a risk level. */
export function isRiskLevel(value: string): value is RiskLevel {
  return (RISK_LEVELS as readonly string[]).includes(value);
}
