import type { SlackReaction } from "./slack-api.js";

/** The reactions that answer an approval request. Anything else is conversation. */
export const APPROVE_REACTION = "white_check_mark";
export const DENY_REACTION = "x";

/** Who may answer in Slack, resolved to user IDs. */
export interface ApproverPolicy {
  /** `slack_approvers` plus the members of `slack_approver_groups`; `undefined`: any person in the channel. */
  readonly allowed: ReadonlySet<string> | undefined;
  /** The bot's own user ID (`auth.test`): its reactions never count. */
  readonly botUserId: string;
  /** The Slack user who started the run (`slack_requester`), when known. */
  readonly requester: string | undefined;
  readonly preventSelfApproval: boolean;
}

/** Why a reaction or a reply did not count; said once in the thread. */
export const IGNORE_REASONS = [
  "bot_itself",
  "self_approval",
  "not_allowed",
  "not_a_person",
] as const;
export type IgnoreReason = (typeof IGNORE_REASONS)[number];

/**
 * Pure: whether `user` may answer, or why not. `isPerson` says whether Slack knows the user as a
 * person (not a bot, not deactivated); it matters only when no approver list is configured, and
 * a user it cannot vouch for does not count (fail closed).
 */
export function eligibility(
  user: string,
  policy: ApproverPolicy,
  isPerson: (user: string) => boolean,
): IgnoreReason | "eligible" {
  if (user === policy.botUserId) return "bot_itself";
  if (policy.preventSelfApproval && user === policy.requester) return "self_approval";
  if (policy.allowed !== undefined) return policy.allowed.has(user) ? "eligible" : "not_allowed";
  return isPerson(user) ? "eligible" : "not_a_person";
}

/** Where an approval stands after one look at its reactions. */
export type ApprovalVerdict =
  | { readonly kind: "approved"; readonly approvers: readonly string[] }
  | { readonly kind: "denied"; readonly by: string }
  | { readonly kind: "pending"; readonly approvals: readonly string[] };

/** A verdict and the reactions that did not count. */
export interface ReactionTally {
  readonly verdict: ApprovalVerdict;
  readonly ignored: readonly {
    readonly user: string;
    readonly reaction: string;
    readonly reason: IgnoreReason;
  }[];
}

/** `name` without a skin-tone suffix (`+1::skin-tone-2` → `+1`). */
function baseName(name: string): string {
  return name.split("::")[0] ?? name;
}

/**
 * Pure: the decision of the reactions on an approval request. One :x: from an eligible user
 * denies (it wins over any number of approvals seen in the same look); otherwise distinct
 * eligible users' :white_check_mark: are counted up to `minApprovals`.
 */
export function tallyReactions(
  reactions: readonly SlackReaction[],
  policy: ApproverPolicy,
  minApprovals: number,
  isPerson: (user: string) => boolean,
): ReactionTally {
  const ignored: { user: string; reaction: string; reason: IgnoreReason }[] = [];
  const eligibleUsers = (name: string): string[] => {
    const users = new Set(
      reactions.filter((reaction) => baseName(reaction.name) === name).flatMap((r) => r.users),
    );
    return [...users].filter((user) => {
      const verdict = eligibility(user, policy, isPerson);
      if (verdict === "eligible") return true;
      ignored.push({ user, reaction: name, reason: verdict });
      return false;
    });
  };
  const deniers = eligibleUsers(DENY_REACTION);
  const approvers = eligibleUsers(APPROVE_REACTION);
  const denier = deniers[0];
  if (denier !== undefined) return { verdict: { kind: "denied", by: denier }, ignored };
  if (approvers.length >= Math.max(1, minApprovals))
    return {
      verdict: { kind: "approved", approvers: approvers.slice(0, Math.max(1, minApprovals)) },
      ignored,
    };
  return { verdict: { kind: "pending", approvals: approvers }, ignored };
}
