import type { Reason, RiskLevel } from "../core/risk.js";
/**
 * The rules' verdict on a command or a step.
 * `risk` is what the rules conclude; `floor` is the part of it the rules *proved*
 * (a known destructive tool, a truncating redirect…). They differ only where the rules
 * could not tell: an unknown command is `risk: modifying` with `floor: read_only`, which a
 * model may lower to `read_only` but nothing may take below `floor` (safety invariant 2).
 */
export interface RuleVerdict {
    readonly risk: RiskLevel;
    readonly floor: RiskLevel;
    readonly reasons: readonly Reason[];
}
