import { describe, expect, it } from "vitest";
import type { GitHubIssuesApi, IssueComment } from "../../../../src/gate/github-api.js";
import { findActiveRun } from "../../../../src/faces/action/chatops/active-run.js";
import { statusMarker } from "../../../../src/present/chatops/status-comment.js";
import { issuesApi } from "./issues-api.js";

const AT = "2026-12-07T04:00:00Z";
let id = 0;

function comment(body: string, type = "Bot"): IssueComment {
  id += 1;
  return {
    id,
    body,
    user: { login: type === "Bot" ? "github-actions[bot]" : "mallory", id, type },
    createdAt: AT,
    updatedAt: AT,
    htmlUrl: `https://github.com/acme/ops/issues/7#issuecomment-${id}`,
  };
}

function api(comments: readonly IssueComment[]): GitHubIssuesApi {
  return issuesApi({ commentsSince: async () => comments });
}

async function active(comments: readonly IssueComment[], running: readonly number[]) {
  const asked: number[] = [];
  const found = await findActiveRun(api(comments), 7, {
    ownRunId: "91",
    workflowRunActive: async (runId) => {
      asked.push(runId);
      return running.includes(runId);
    },
  });
  return { found, asked };
}

describe("one run per issue", () => {
  it("finds the bot's running status comment of another workflow run still in progress", async () => {
    const status = comment(`${statusMarker("55", "running")}\n### runbook-exec run`);
    const { found } = await active([comment("hello", "User"), status], [55]);
    expect(found).toEqual({ runId: 55, statusUrl: status.htmlUrl });
  });

  it("does not block on finished runs, runs that died, its own run, or a marker a person wrote", async () => {
    const { found, asked } = await active(
      [
        comment(statusMarker("40", "finished")),
        comment(statusMarker("41", "running")),
        comment(statusMarker("91", "running")),
        comment(statusMarker("42", "running"), "User"),
        comment(`quoted ${statusMarker("43", "running")}`),
      ],
      [40, 42, 43, 91],
    );
    expect(found).toBeUndefined();
    expect(asked).toEqual([41]);
  });
});
