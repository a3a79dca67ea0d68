import type { RepositoryRole } from "../core/repository-role.js";

/**
 * The narrow GitHub REST API the comment approval channel needs (issues, comments, reactions,
 * permissions). `src/adapters/github/issues-api.ts` implements it over Octokit with conditional
 * requests and rate-limit waits; tests may pass small fakes.
 */

/** Limits of one call: it is retried on 5xx, network errors and rate limits until `deadline`. */
export interface GitHubCallOptions {
  /** `Date.now()` value after which the call gives up; default: the adapter's own budget. */
  readonly deadline?: number;
  /** Ends waiting between retries and abandons the call. */
  readonly signal?: AbortSignal;
  /**
   * Abandons the call only while none of it has been sent (waiting for the write pacing or a
   * rate limit): a request withdrawn before GitHub saw it is never posted, one GitHub may have
   * taken is completed so that it can be answered.
   */
  readonly withdraw?: AbortSignal;
}

/** Who wrote something, as GitHub says (`type` is `User`, `Bot` or `Organization`). */
export interface GitHubActor {
  readonly login: string;
  readonly id: number;
  readonly type: string;
}

/** An issue comment; `body` is untrusted text. */
export interface IssueComment {
  readonly id: number;
  readonly body: string;
  readonly user: GitHubActor | undefined;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601; later than `createdAt` once the comment was edited. */
  readonly updatedAt: string;
  readonly htmlUrl: string;
}

/** An issue the channel asks in. */
export interface IssueRef {
  readonly number: number;
  readonly htmlUrl: string;
}

/** Reactions GitHub accepts on a comment. */
export type CommentReaction = "+1" | "-1" | "eyes" | "confused" | "rocket" | "hooray";

/** The calls of one repository's issues the approval channel makes. */
export interface GitHubIssuesApi {
  createIssue(title: string, body: string, options?: GitHubCallOptions): Promise<IssueRef>;
  closeIssue(issue: number, options?: GitHubCallOptions): Promise<void>;
  /** Posts a comment; returns it as GitHub stored it (its `createdAt` is GitHub's clock). */
  comment(issue: number, body: string, options?: GitHubCallOptions): Promise<IssueComment>;
  editComment(id: number, body: string, options?: GitHubCallOptions): Promise<void>;
  /**
   * Every comment of the issue updated at or after `since` (ISO 8601), oldest first, following
   * pagination. Conditional: when nothing changed since the last identical call, GitHub answers
   * 304 (which costs no rate limit) and this resolves to `undefined`.
   */
  commentsSince(
    issue: number,
    since: string,
    options?: GitHubCallOptions,
  ): Promise<readonly IssueComment[] | undefined>;
  react(commentId: number, reaction: CommentReaction, options?: GitHubCallOptions): Promise<void>;
  /** The user's role on the repository (`none` when not a collaborator). */
  collaboratorRole(login: string, options?: GitHubCallOptions): Promise<RepositoryRole>;
  /** Whether `login` is an active member of the team `org/team-slug`. */
  isTeamMember(
    team: { readonly org: string; readonly slug: string },
    login: string,
    options?: GitHubCallOptions,
  ): Promise<boolean>;
}

/**
 * A GitHub call that failed for good: a 4xx that retrying cannot fix, a malformed answer, or a
 * transient failure (5xx, network, rate limit) that outlived the call's deadline. The message
 * names the fix.
 */
export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";
  /** The HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;

  constructor(
    /** `http_403`, `http_404`…, `ratelimited`, `network`, `malformed`, `deadline`. */
    readonly code: string,
    /** The route, e.g. `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`. */
    readonly route: string,
    message: string,
    options: { readonly status?: number; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}
