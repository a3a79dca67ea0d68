import type { Reason, RiskSource } from "../core/risk.js";
import { MERGE_REASON_IDS } from "./merge.js";

/** The reason id each source of the final level writes, when it is not the rules. */
const SOURCE_REASON_ID: Partial<Record<RiskSource, string>> = {
  annotation: MERGE_REASON_IDS.annotation,
  llm: MERGE_REASON_IDS.classification,
};

/**
 * The reason that explains a step's final level: the one written by the input named in
 * `riskSource` (the author's `risk=` annotation, Claude's classification), else the rules'
 * first reason. A one-line view (the validate table) shows this, not whichever reason came first.
 */
export function decidingReason(step: {
  readonly riskSource: RiskSource;
  readonly reasons: readonly Reason[];
}): Reason | undefined {
  const id = SOURCE_REASON_ID[step.riskSource];
  const own =
    id === undefined ? undefined : step.reasons.findLast((reason) => reason.ruleId === id);
  return own ?? step.reasons[0];
}
