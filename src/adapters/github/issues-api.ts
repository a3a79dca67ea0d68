import {
  GitHubApiError,
  type GitHubCallOptions,
  type GitHubIssuesApi,
  type IssueComment,
} from "../../gate/github-api.js";
import { RunbookExecError } from "../../core/errors.js";
import { fetchCollaboratorRole, type RepositoryRef } from "./collaborator-permission.js";
import {
  parseActiveMembership,
  parseIssue,
  parseIssueComment,
  parseIssueComments,
} from "./payloads.js";
import type { GitHubRest, GitHubResponse } from "./rest.js";

/** The API's page maximum: the fewest requests per look. */
const PER_PAGE = 100;

/** An earlier answer to a page, kept to make the next look at it conditional. */
interface CachedPage {
  readonly etag: string;
  readonly comments: readonly IssueComment[];
}

/**
 * {@link GitHubIssuesApi} for one repository over {@link GitHubRest}. Comment lists are read
 * page by page (`page=1…` until a short page, so a page that filled up since the last look is
 * followed even when GitHub answers it 304), each page conditional on its last `ETag`; a look
 * where every page is 304 resolves to `undefined` and costs no rate limit.
 */
export function createGitHubIssuesApi(
  rest: GitHubRest,
  repository: RepositoryRef,
): GitHubIssuesApi {
  const { owner, repo } = repository;
  const pages = new Map<string, CachedPage>();

  const malformed = (route: string, error: unknown): never => {
    if (error instanceof RunbookExecError)
      throw new GitHubApiError("malformed", route, error.message, { cause: error });
    throw error;
  };
  const parsed = <T>(route: string, response: GitHubResponse, parse: (data: unknown) => T): T => {
    try {
      return parse(response.data);
    } catch (error) {
      return malformed(route, error);
    }
  };

  async function commentPage(
    issue: number,
    since: string,
    page: number,
    options: GitHubCallOptions,
  ): Promise<{ readonly comments: readonly IssueComment[]; readonly changed: boolean }> {
    const route = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
    const key = `${issue} ${since} ${page}`;
    const cached = pages.get(key);
    const response = await rest.request(
      route,
      { owner, repo, issue_number: issue, since, per_page: PER_PAGE, page },
      cached === undefined ? options : { ...options, etag: cached.etag },
    );
    if (response.status === 304 && cached !== undefined)
      return { comments: cached.comments, changed: false };
    const comments = parsed(route, response, parseIssueComments);
    const etag = response.headers["etag"];
    if (etag !== undefined) pages.set(key, { etag, comments });
    return { comments, changed: true };
  }

  return {
    async createIssue(title, body, options = {}) {
      const route = "POST /repos/{owner}/{repo}/issues";
      const response = await rest.request(route, { owner, repo, title, body }, options);
      return parsed(route, response, parseIssue);
    },
    async closeIssue(issue, options = {}) {
      await rest.request(
        "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
        { owner, repo, issue_number: issue, state: "closed", state_reason: "completed" },
        options,
      );
    },
    async comment(issue, body, options = {}) {
      const route = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
      const response = await rest.request(
        route,
        { owner, repo, issue_number: issue, body },
        options,
      );
      return parsed(route, response, parseIssueComment);
    },
    async editComment(id, body, options = {}) {
      await rest.request(
        "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
        { owner, repo, comment_id: id, body },
        options,
      );
    },
    async commentsSince(issue, since, options = {}) {
      const all: IssueComment[] = [];
      let changed = false;
      for (let page = 1; ; page++) {
        const answer = await commentPage(issue, since, page, options);
        all.push(...answer.comments);
        changed ||= answer.changed;
        if (answer.comments.length < PER_PAGE) break;
      }
      return changed ? all : undefined;
    },
    async react(commentId, reaction, options = {}) {
      await rest.request(
        "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
        { owner, repo, comment_id: commentId, content: reaction },
        options,
      );
    },
    collaboratorRole: (login, options = {}) =>
      fetchCollaboratorRole(rest, repository, login, options).catch((error: unknown) =>
        malformed("GET /repos/{owner}/{repo}/collaborators/{username}/permission", error),
      ),
    async isTeamMember(team, login, options = {}) {
      const route = "GET /orgs/{org}/teams/{team_slug}/memberships/{username}";
      try {
        const response = await rest.request(
          route,
          { org: team.org, team_slug: team.slug, username: login },
          options,
        );
        return parsed(route, response, parseActiveMembership);
      } catch (error) {
        // GitHub answers 404 both for "not a member" and for a team the token cannot see.
        if (error instanceof GitHubApiError && error.status === 404) return false;
        throw error;
      }
    },
  };
}
