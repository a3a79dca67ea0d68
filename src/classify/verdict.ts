import { type Reason, riskRank } from "../core/risk.js";
import type { Hit } from "./hit.js";
import type { RuleVerdict } from "./types.js";

/**
 * Fold hits into a verdict: `risk` is the highest hit, `floor` the highest *proven* hit.
 * Reasons are the hits at the final risk level, deduplicated, in first-seen order.
 */
export function verdictOf(hits: readonly Hit[]): RuleVerdict {
  let risk = 0;
  let floor = 0;
  for (const hit of hits) {
    const rank = riskRank(hit.risk);
    if (rank > risk) risk = rank;
    if (hit.proven && rank > floor) floor = rank;
  }
  const seen = new Set<string>();
  const reasons: Reason[] = [];
  for (const hit of hits) {
    if (riskRank(hit.risk) !== risk) continue;
    const key = `${hit.ruleId}\n${hit.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push({ ruleId: hit.ruleId, message: hit.message });
  }
  const levels = ["read_only", "modifying", "destructive"] as const;
  return { risk: levels[risk] ?? "destructive", floor: levels[floor] ?? "destructive", reasons };
}
