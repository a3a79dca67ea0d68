import { GitHubApiError, type GitHubCallOptions } from "../../gate/github-api.js";
import { parseCollaboratorRole } from "./payloads.js";
import type { GitHubRest } from "./rest.js";

import type { RepositoryRole } from "../../core/repository-role.js";

export {
  MINIMUM_ROLES,
  REPOSITORY_ROLES,
  roleMeets,
  type MinimumRole,
  type RepositoryRole,
} from "../../core/repository-role.js";

/** The repository whose collaborators are asked about. */
export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
}

/**
 * A user's role on the repository, asked fresh every time (no cache: a role removed a minute ago
 * must not approve now), from `GET /repos/{owner}/{repo}/collaborators/{username}/permission`.
 * A user GitHub does not know as a collaborator (404) is `none`. Use it with `roleMeets(role,
 * "write")`; never with `author_association`, which is not a permission.
 * @throws GitHubApiError when GitHub cannot answer (the token lacks access, rate limited past
 * the deadline…): the caller must treat that as "not allowed" (invariant 3).
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match the schema.
 */
export async function fetchCollaboratorRole(
  rest: GitHubRest,
  repository: RepositoryRef,
  login: string,
  options: GitHubCallOptions = {},
): Promise<RepositoryRole> {
  try {
    const response = await rest.request(
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      { owner: repository.owner, repo: repository.repo, username: login },
      options,
    );
    return parseCollaboratorRole(response.data);
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return "none";
    throw error;
  }
}
