import { describe, expect, it } from "vitest";
import { CommentFeed } from "../../../src/adapters/github/comment-feed.js";
import { createGitHubIssuesApi } from "../../../src/adapters/github/issues-api.js";
import { ALICE, fakeIssuesGitHub, testRest } from "./helpers.js";

const startGitHub = fakeIssuesGitHub();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** GET requests for the comments of issue 7, as `since` values, in order. */
function reads(requests: readonly { method: string; url: string }[]): (string | null)[] {
  return requests
    .filter((r) => r.method === "GET" && r.url.includes("/issues/7/comments?"))
    .map((r) => new URL(r.url, "http://fake").searchParams.get("since"));
}

describe("CommentFeed: one conditional request stream for every reader of a thread", () => {
  it("two readers share one loop: one `since`, 304s while nothing changes, both see a new comment", async () => {
    const github = await startGitHub();
    const api = createGitHubIssuesApi(testRest(github.url), { owner: "acme", repo: "ops" });
    const feed = new CommentFeed(api, 7, "2026-01-01T00:00:00Z");
    const abort = feed.read({ firstMs: 50, maxMs: 50 });
    const approvals = feed.read({ firstMs: 20, maxMs: 400 });
    const signal = new AbortController().signal;
    expect(await abort.next({ signal })).toEqual([]);
    expect(await approvals.next({ signal })).toEqual([]);
    await sleep(300);
    const quiet = reads(github.requests).length;
    // One loop at the faster reader's pace (every 20 ms, then growing, at most 50 ms): two
    // loops would have made at least 300/50 + 300/400 requests each way.
    expect(quiet).toBeLessThanOrEqual(300 / 20 + 1);
    expect(github.issues.notModified.length).toBeGreaterThan(0);
    github.issues.addComment(7, ALICE, "/abort");
    const [seenByAbort, seenByApprovals] = await Promise.all([
      abort.next({ signal }),
      approvals.next({ signal }),
    ]);
    expect(seenByAbort?.map((c) => c.body)).toEqual(["/abort"]);
    expect(seenByApprovals?.map((c) => c.body)).toEqual(["/abort"]);
    expect(new Set(reads(github.requests))).toEqual(new Set(["2026-01-01T00:00:00Z"]));
    abort.close();
    approvals.close();
  });

  it("a reader that comes later sees what was read before it at once, and nobody reading stops the loop", async () => {
    const github = await startGitHub();
    const api = createGitHubIssuesApi(testRest(github.url), { owner: "acme", repo: "ops" });
    github.issues.addComment(7, ALICE, "/approve 2");
    const feed = new CommentFeed(api, 7, "2026-01-01T00:00:00Z");
    const first = feed.read({ firstMs: 20, maxMs: 20 });
    const signal = new AbortController().signal;
    expect((await first.next({ signal }))?.map((c) => c.body)).toEqual(["/approve 2"]);
    await sleep(100); // several 304s
    const later = feed.read({ firstMs: 20, maxMs: 20 });
    expect((await later.next({ signal }))?.map((c) => c.body)).toEqual(["/approve 2"]);
    first.close();
    later.close();
    await sleep(60);
    const stopped = reads(github.requests).length;
    await sleep(200);
    expect(reads(github.requests).length).toBe(stopped);
  });

  it("a deadline or an abort ends a wait with nothing", async () => {
    const github = await startGitHub();
    const api = createGitHubIssuesApi(testRest(github.url), { owner: "acme", repo: "ops" });
    const feed = new CommentFeed(api, 7, "2026-01-01T00:00:00Z");
    const reader = feed.read({ firstMs: 20, maxMs: 20 });
    const controller = new AbortController();
    await reader.next({ signal: controller.signal });
    expect(await reader.next({ signal: controller.signal, deadline: Date.now() + 80 })).toBe(
      undefined,
    );
    setTimeout(() => controller.abort(), 50);
    expect(await reader.next({ signal: controller.signal })).toBe(undefined);
    reader.close();
  });
});
