import { riskRank, type RiskLevel } from "../core/risk.js";
import { FirstAnswerProvider } from "./first-answer.js";
import { deniedOutcome } from "./request.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalRequest,
} from "./types.js";

/** Why no channel could be asked about a step; the face turns it into "how to approve it". */
export type UnaskableReason =
  /** The step's risk is above the cap of the only channel there is. */
  | "above_cap"
  /** The client cannot relay questions (no elicitation) and nothing else is configured. */
  | "no_channel";

/** What {@link CappedApprovals} chooses from. */
export interface CappedApprovalsOptions {
  /** The channel whose answers prove less (MCP); `undefined` when the client cannot ask. */
  readonly capped: ApprovalProvider | undefined;
  /** Highest risk the capped channel may approve (`mcp_max_approval_level`). */
  readonly cap: RiskLevel;
  /** A channel that names the person who answered (Slack), asked for any risk; if configured. */
  readonly uncapped: ApprovalProvider | undefined;
  /** The sentence a denial carries: why nobody could be asked, and how to approve the step. */
  readonly explain: (request: ApprovalRequest, reason: UnaskableReason) => string;
  /** Hears "step 3 approved in Slack by alice" when several channels were asked. */
  readonly announce?: (message: string) => void;
}

/**
 * Asks, per step, only the channels allowed to approve its risk (safety invariant 13): the
 * capped channel up to its cap, the uncapped one always, both at once when both may (the first
 * decisive answer wins, invariant 14). A step no channel may approve is denied with a sentence
 * that says how to approve it; never approved by default (invariant 3).
 */
export class CappedApprovals implements ApprovalProvider {
  readonly channel;

  constructor(private readonly options: CappedApprovalsOptions) {
    this.channel = (options.capped ?? options.uncapped)?.channel ?? "mcp";
  }

  request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    const { capped, uncapped, cap } = this.options;
    const withinCap = riskRank(request.step.risk) <= riskRank(cap);
    const asked = [withinCap ? capped : undefined, uncapped].filter(
      (provider): provider is ApprovalProvider => provider !== undefined,
    );
    const [first, ...rest] = asked;
    if (first === undefined) {
      const reason: UnaskableReason = capped !== undefined ? "above_cap" : "no_channel";
      const code = reason === "above_cap" ? "above_channel_cap" : "no_channel";
      return Promise.resolve(
        deniedOutcome(request, this.channel, code, this.options.explain(request, reason)),
      );
    }
    if (rest.length === 0) return first.request(request, options);
    const race = new FirstAnswerProvider([first, ...rest], {
      ...(this.options.announce !== undefined && { announce: this.options.announce }),
    });
    return race.request(request, options);
  }
}
