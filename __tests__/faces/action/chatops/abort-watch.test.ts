import { describe, expect, it } from "vitest";
import type { RepositoryRole } from "../../../../src/core/repository-role.js";
import type { GitHubIssuesApi, IssueComment } from "../../../../src/gate/github-api.js";
import { CommentFeed } from "../../../../src/adapters/github/comment-feed.js";
import { watchForAbort } from "../../../../src/faces/action/chatops/abort-watch.js";
import { issuesApi } from "./issues-api.js";

const SINCE = "2026-12-07T04:00:00Z";

function comment(
  id: number,
  login: string,
  body: string,
  at = "2026-12-07T04:00:05Z",
  type = "User",
): IssueComment {
  return { id, body, user: { login, id, type }, createdAt: at, updatedAt: at, htmlUrl: `u${id}` };
}

function api(comments: () => readonly IssueComment[]): GitHubIssuesApi {
  return issuesApi({ commentsSince: async () => comments() });
}

const ROLES: Readonly<Record<string, RepositoryRole>> = {
  alice: "write",
  rita: "read",
  mo: "maintain",
};

async function watch(
  comments: readonly IssueComment[],
  minimumRole: "write" | "maintain" = "write",
) {
  const log: string[] = [];
  const replies: string[] = [];
  const reasons: string[] = [];
  const stops = watchForAbort({
    feed: new CommentFeed(
      api(() => comments),
      7,
      SINCE,
    ),
    since: () => SINCE,
    minimumRole,
    role: async (login) => {
      const role = ROLES[login];
      if (role === undefined) throw new Error("HTTP 502");
      return role;
    },
    intervalMs: 5,
    log: (message) => log.push(message),
    reply: async (body) => {
      replies.push(body);
    },
  });
  const unsubscribe = stops((reason) => reasons.push(reason));
  await new Promise((resolve) => setTimeout(resolve, 60));
  unsubscribe();
  return { log, reasons, replies };
}

describe("the /abort watcher", () => {
  it("stops for a writer's new /abort, once", async () => {
    const { reasons } = await watch([comment(1, "alice", "/abort")]);
    expect(reasons).toEqual(["/abort by alice"]);
  });

  it("ignores readers, bots, older comments, other commands, and unconfirmed roles", async () => {
    const { reasons, log, replies } = await watch([
      comment(1, "rita", "/abort"),
      comment(2, "alice", "/abort", "2026-12-07T03:59:59Z"),
      comment(3, "ci-bot", "/abort", "2026-12-07T04:00:05Z", "Bot"),
      comment(4, "alice", "/abort now"),
      comment(5, "alice", "please /abort"),
      comment(6, "ghost", "/abort"),
    ]);
    expect(reasons).toEqual([]);
    // Read many times over: each ignored /abort is answered once, saying what it needs.
    expect(replies).toHaveLength(2);
    expect(replies[0]).toContain("<code>rita</code> cannot use <code>/abort</code>");
    expect(replies[1]).toContain("<code>ghost</code> cannot use <code>/abort</code>");
    expect(log.join("\n")).toContain("/abort by rita ignored");
    expect(log.join("\n")).toContain(
      "/abort by ghost ignored: their permission could not be checked",
    );
  });

  it("honours chatops-permission: maintain", async () => {
    expect((await watch([comment(1, "alice", "/abort")], "maintain")).reasons).toEqual([]);
    expect((await watch([comment(1, "mo", "/abort")], "maintain")).reasons).toEqual([
      "/abort by mo",
    ]);
  });
});
