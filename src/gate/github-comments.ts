import type { RiskLevel } from "../core/risk.js";
import type { IssueComment } from "./github-api.js";

/**
 * The pure rules of the GitHub comment channel: which comments are answers, and which answers
 * may count before anyone's permission is looked up. Permissions are checked by the provider,
 * fresh, when a comment passes these rules.
 */

/** An answer written as a comment: `/approve 3` or `/deny 3`. */
export interface CommentCommand {
  readonly kind: "approve" | "deny";
  readonly step: number;
}

// The whole first non-empty line, nothing else on it: "I would /approve 3" or a quoted
// "> /approve 3" is conversation, not an answer.
const COMMAND_LINE = /^\/(approve|deny)[ \t]+([1-9]\d{0,5})[ \t]*$/i;

/** Pure: the command a comment's body gives, or `undefined` when it is conversation. */
export function parseCommentCommand(body: string): CommentCommand | undefined {
  const first = body.split(/\r\n|\r|\n/).find((line) => line.trim() !== "");
  const match = COMMAND_LINE.exec(first?.trim() ?? "");
  if (match === null) return undefined;
  return {
    kind: (match[1] ?? "").toLowerCase() === "approve" ? "approve" : "deny",
    step: Number(match[2]),
  };
}

/** Why an answer did not count; said once, in a reply to the comment. */
export const COMMENT_IGNORE_REASONS = [
  "edited",
  "bot",
  "other_step",
  "self_approval",
  "not_allowed",
  "check_failed",
] as const;
export type CommentIgnoreReason = (typeof COMMENT_IGNORE_REASONS)[number];

/** What the rules need to know about the request being answered. */
export interface CommentRequestContext {
  readonly step: number;
  readonly risk: RiskLevel;
  /** The request comment: only comments after it (by id and by GitHub's clock) are answers. */
  readonly requestCommentId: number;
  readonly requestCreatedAt: string;
  /** The token's own login (the request's author): its comments are never answers. */
  readonly ownLogin: string | undefined;
}

/** Who may not approve: the actors of the run, for destructive steps. */
export interface SelfApprovalRule {
  readonly preventSelfApproval: boolean;
  /** `GITHUB_ACTOR` and `GITHUB_TRIGGERING_ACTOR` (either may be missing). */
  readonly actors: readonly string[];
}

/** What one comment is, before any permission lookup. */
export type CommentScreen =
  /** Not an answer to this request: before it, ours, or conversation. Nothing is said. */
  | { readonly kind: "skip" }
  | {
      readonly kind: "ignore";
      readonly reason: CommentIgnoreReason;
      readonly command: CommentCommand;
    }
  /** An answer whose author's permission decides whether it counts. */
  | { readonly kind: "candidate"; readonly command: CommentCommand; readonly login: string };

const BOT_LOGIN = /\[bot\]$/i;

/** Pure: whether `comment` can answer the request, or why not. */
export function screenComment(
  comment: IssueComment,
  request: CommentRequestContext,
  self: SelfApprovalRule,
): CommentScreen {
  if (comment.id <= request.requestCommentId) return { kind: "skip" };
  if (Date.parse(comment.createdAt) < Date.parse(request.requestCreatedAt)) return { kind: "skip" };
  const login = comment.user?.login;
  if (login !== undefined && request.ownLogin !== undefined && sameLogin(login, request.ownLogin))
    return { kind: "skip" };
  const command = parseCommentCommand(comment.body);
  if (command === undefined) return { kind: "skip" };
  const ignore = (reason: CommentIgnoreReason): CommentScreen => ({
    kind: "ignore",
    reason,
    command,
  });
  if (comment.user === undefined || login === undefined) return ignore("bot");
  if (comment.user.type !== "User" || BOT_LOGIN.test(login)) return ignore("bot");
  if (comment.updatedAt !== comment.createdAt) return ignore("edited");
  if (command.step !== request.step) return ignore("other_step");
  // A denial only stops a step, so the run's own actor may always deny it.
  if (
    command.kind === "approve" &&
    request.risk === "destructive" &&
    self.preventSelfApproval &&
    self.actors.some((actor) => sameLogin(actor, login))
  )
    return ignore("self_approval");
  return { kind: "candidate", command, login };
}

/** GitHub logins are case-insensitive. */
export function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** An `approvers` entry: a login, or a team as `org/team-slug`. */
export type ApproverEntry =
  | { readonly kind: "user"; readonly login: string }
  | { readonly kind: "team"; readonly org: string; readonly slug: string };

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM_SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/**
 * Pure: an `approvers` entry (`alice`, `@alice`, `acme/sre`), or `undefined` when it is neither
 * a GitHub login nor `org/team-slug`.
 */
export function parseApprover(entry: string): ApproverEntry | undefined {
  const text = entry.trim().replace(/^@/, "");
  const slash = text.indexOf("/");
  if (slash < 0) return LOGIN.test(text) ? { kind: "user", login: text } : undefined;
  const org = text.slice(0, slash);
  const slug = text.slice(slash + 1);
  return LOGIN.test(org) && TEAM_SLUG.test(slug) ? { kind: "team", org, slug } : undefined;
}
