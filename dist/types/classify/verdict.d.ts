import type { Hit } from "./hit.js";
import type { RuleVerdict } from "./types.js";
/**
 * Fold hits into a verdict: `risk` is the highest hit, `floor` the highest *proven* hit.
 * Reasons are the hits at the final risk level, deduplicated, in first-seen order.
 */
export declare function verdictOf(hits: readonly Hit[]): RuleVerdict;
