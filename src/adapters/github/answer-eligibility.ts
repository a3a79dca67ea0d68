import { roleMeets, type MinimumRole, type RepositoryRole } from "../../core/repository-role.js";
import type { GitHubCallOptions, GitHubIssuesApi, IssueComment } from "../../gate/github-api.js";
import {
  screenComment,
  sameLogin,
  type ApproverEntry,
  type CommentCommand,
  type CommentIgnoreReason,
  type CommentRequestContext,
  type SelfApprovalRule,
} from "../../gate/github-comments.js";

/** Who counts in the comment channel. */
export interface AnswerPolicy {
  readonly api: GitHubIssuesApi;
  /** `approvers`: people and teams who count besides those with {@link minimumRole}. */
  readonly approvers: readonly ApproverEntry[];
  readonly self: SelfApprovalRule;
  /** The repository role whose holders count (default `write`). */
  readonly minimumRole?: MinimumRole;
}

/** An answer that counts, and why its author counted. */
export interface CountedAnswer {
  readonly comment: IssueComment;
  readonly command: CommentCommand;
  readonly why: string;
}

/** A comment judged: not an answer, an answer that does not count (and why), or one that does. */
export type Judgement =
  | { readonly kind: "skip" }
  | { readonly kind: "ignore"; readonly reason: CommentIgnoreReason; readonly detail?: string }
  | { readonly kind: "counted"; readonly command: CommentCommand; readonly why: string };

/**
 * Whether a comment answers the request and counts. The pure rules (`screenComment`) come first;
 * then the author counts when listed in `approvers`, when GitHub says now that they hold
 * `minimumRole` (asked at every answer, never remembered: a role removed a minute ago does not
 * approve), or when they are an active member of a listed team. A lookup that fails makes the
 * answer not count, with the error (invariant 3).
 */
export async function judgeComment(
  comment: IssueComment,
  context: CommentRequestContext,
  policy: AnswerPolicy,
  call: GitHubCallOptions,
): Promise<Judgement> {
  const screen = screenComment(comment, context, policy.self);
  if (screen.kind !== "candidate") return screen;
  const { login, command } = screen;
  const counted = (why: string): Judgement => ({ kind: "counted", command, why });
  const listed = policy.approvers;
  if (listed.some((entry) => entry.kind === "user" && sameLogin(entry.login, login)))
    return counted("listed in `approvers`");
  const failures: string[] = [];
  const failed = (error: unknown): void => {
    if (call.signal?.aborted === true) throw error;
    failures.push(error instanceof Error ? error.message : String(error));
  };
  let role: RepositoryRole | undefined;
  try {
    role = await policy.api.collaboratorRole(login, call);
    if (roleMeets(role, policy.minimumRole ?? "write")) return counted(`${role} on the repository`);
  } catch (error) {
    failed(error);
  }
  for (const entry of listed) {
    if (entry.kind !== "team") continue;
    try {
      if (await policy.api.isTeamMember(entry, login, call))
        return counted(`member of \`${entry.org}/${entry.slug}\``);
    } catch (error) {
      failed(error);
    }
  }
  if (failures.length > 0)
    return { kind: "ignore", reason: "check_failed", detail: failures.join("; ") };
  return { kind: "ignore", reason: "not_allowed", detail: `their role is ${role ?? "unknown"}` };
}
