import { GitHubApiError } from "../../gate/github-api.js";
import type { RepositoryRef } from "./collaborator-permission.js";
import { parseWorkflowRunActive } from "./payloads.js";
import type { GitHubRest } from "./rest.js";

/**
 * Whether workflow run `runId` is still in progress (`GET …/actions/runs/{run_id}`, needs
 * `actions: read`). A run GitHub does not know (404) is not active.
 * @throws GitHubApiError when GitHub cannot answer.
 */
export async function workflowRunActive(
  rest: GitHubRest,
  repository: RepositoryRef,
  runId: number,
): Promise<boolean> {
  try {
    const response = await rest.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
      owner: repository.owner,
      repo: repository.repo,
      run_id: runId,
    });
    return parseWorkflowRunActive(response.data);
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 404) return false;
    throw error;
  }
}
