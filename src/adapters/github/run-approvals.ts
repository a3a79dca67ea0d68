import { getOctokit } from "@actions/github";
import { parseRunApprovals, type RunApproval } from "./payloads.js";

/** Which run's reviews to read, and how to reach the API. */
export interface RunApprovalsOptions {
  readonly token: string;
  /** `GITHUB_API_URL`. */
  readonly baseUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly runId: number;
}

/** The run's deployment reviews (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals`). */
export async function fetchRunApprovals(options: RunApprovalsOptions): Promise<RunApproval[]> {
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl });
  const response = await octokit.request(
    "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals",
    {
      owner: options.owner,
      repo: options.repo,
      run_id: options.runId,
    },
  );
  return parseRunApprovals(response.data);
}
