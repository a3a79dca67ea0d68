import { describe, expect, it } from "vitest";
import type { GitHubIssuesApi, IssueComment } from "../../../../src/gate/github-api.js";
import { ChatOpsThread } from "../../../../src/faces/action/chatops/thread.js";
import { issuesApi } from "./issues-api.js";

function fakeApi(options: { readonly failWrites?: boolean } = {}) {
  const calls: string[] = [];
  let next = 100;
  const forbidden = (): Error =>
    Object.assign(new Error("Resource not accessible by integration"), { status: 403 });
  const api: GitHubIssuesApi = issuesApi({
    react: async (id, reaction) => {
      calls.push(`react ${id} ${reaction}`);
      if (options.failWrites === true) throw forbidden();
    },
    comment: async (issue, body): Promise<IssueComment> => {
      calls.push(`comment ${issue} ${body}`);
      if (options.failWrites === true) throw forbidden();
      await new Promise((resolve) => setTimeout(resolve, 5));
      next += 1;
      const at = "2026-12-07T04:00:00Z";
      return { id: next, body, user: undefined, createdAt: at, updatedAt: at, htmlUrl: `u${next}` };
    },
    editComment: async (id, body) => {
      calls.push(`edit ${id} ${body}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  });
  return { api, calls };
}

describe("the ChatOps thread", () => {
  it("creates the status comment once, then edits it; edits coalesce while one is on the wire", async () => {
    const { api, calls } = fakeApi();
    const thread = new ChatOpsThread(api, 7, 5, () => undefined);
    void thread.status("v1");
    void thread.status("v2");
    void thread.status("v3");
    await thread.status("v4");
    expect(calls).toEqual(["comment 7 v1", "edit 101 v4"]);
    expect(thread.statusCreatedAt).toBe("2026-12-07T04:00:00Z");
  });

  it("without issues: write, says so once in the log and goes on", async () => {
    const { api } = fakeApi({ failWrites: true });
    const log: string[] = [];
    const thread = new ChatOpsThread(api, 7, 5, (message) => log.push(message));
    await thread.react("eyes");
    await thread.react("rocket");
    await thread.reply("hello");
    await thread.status("status");
    expect(log.filter((line) => line.includes("reaction"))).toHaveLength(1);
    expect(log.join("\n")).toContain("permissions: issues: write");
    expect(log).toHaveLength(3);
  });

  it("a dispatch has no command comment to react on", async () => {
    const { api, calls } = fakeApi();
    await new ChatOpsThread(api, 7, undefined, () => undefined).react("eyes");
    expect(calls).toEqual([]);
  });
});
