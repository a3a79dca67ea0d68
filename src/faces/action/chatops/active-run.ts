import type { GitHubIssuesApi } from "../../../gate/github-api.js";
import { readStatusMarker } from "../../../present/chatops/status-comment.js";

/** A run another workflow run is doing in this thread. */
export interface ActiveRun {
  readonly runId: number;
  readonly statusUrl: string;
}

const EVERYTHING = "1970-01-01T00:00:00Z";

/**
 * The run active in `issue`, if any: a status comment by a bot whose marker says `running`, for
 * a workflow run other than this one that GitHub still reports in progress (a run that died
 * without finishing its comment does not block the thread forever).
 * @throws GitHubApiError when the thread or a workflow run cannot be read.
 */
export async function findActiveRun(
  api: GitHubIssuesApi,
  issue: number,
  context: {
    readonly ownRunId: string;
    readonly workflowRunActive: (runId: number) => Promise<boolean>;
  },
): Promise<ActiveRun | undefined> {
  const comments = (await api.commentsSince(issue, EVERYTHING)) ?? [];
  for (const comment of [...comments].reverse()) {
    if (comment.user?.type !== "Bot") continue;
    const marker = readStatusMarker(comment.body);
    if (marker === undefined || marker.state !== "running" || marker.runId === context.ownRunId) {
      continue;
    }
    const runId = Number(marker.runId);
    if (await context.workflowRunActive(runId)) return { runId, statusUrl: comment.htmlUrl };
  }
  return undefined;
}
