import { describe, expect, it } from "vitest";
import { createGitHubIssuesApi } from "../../../src/adapters/github/issues-api.js";
import { GitHubApiError } from "../../../src/gate/github-api.js";
import { ALICE, fakeIssuesGitHub, testRest } from "./helpers.js";

const startFake = fakeIssuesGitHub({ "acme/sre": ["tess"] });

async function setup() {
  const fake = await startFake();
  return { fake, api: createGitHubIssuesApi(testRest(fake.url), { owner: "acme", repo: "ops" }) };
}

describe("GitHub issues API (real Octokit, fake GitHub on 127.0.0.1)", () => {
  it("reads every page, then answers `undefined` while nothing changed, and follows a page that filled up", async () => {
    const { fake, api } = await setup();
    const since = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 100; i++) fake.issues.addComment(7, ALICE, `c${i}`);
    const first = await api.commentsSince(7, since);
    expect(first?.map((c) => c.body)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}`));
    // Page 1 was full, so page 2 was read too (empty); both are now conditional.
    expect(await api.commentsSince(7, since)).toBeUndefined();
    expect(fake.issues.notModified).toHaveLength(2);
    // A new comment lands on page 2; page 1 is still 304 but the look sees it.
    fake.issues.addComment(7, ALICE, "c100");
    const grown = await api.commentsSince(7, since);
    expect(grown).toHaveLength(101);
    expect(grown?.at(-1)).toMatchObject({ body: "c100", user: { login: "alice", type: "User" } });
    expect(fake.issues.notModified).toHaveLength(3);
  });

  it("opens, comments, edits, reacts and closes with the fields GitHub returns", async () => {
    const { fake, api } = await setup();
    const issue = await api.createIssue("t", "b");
    expect(issue).toEqual({ number: 8, htmlUrl: "https://github.com/acme/ops/issues/8" });
    const posted = await api.comment(8, "hello");
    expect(posted).toMatchObject({
      body: "hello",
      user: { login: "github-actions[bot]", type: "Bot" },
      htmlUrl: `https://github.com/acme/ops/issues/8#issuecomment-${posted.id}`,
    });
    expect(posted.createdAt).toBe(posted.updatedAt);
    await api.editComment(posted.id, "edited");
    await api.react(posted.id, "+1");
    await api.closeIssue(8);
    expect(fake.issues.commentsOn(8)[0]?.body).toBe("edited");
    expect(fake.issues.reactions).toEqual([
      { commentId: posted.id, content: "+1", login: "github-actions[bot]" },
    ]);
    expect(fake.issues.issues.get(8)?.state).toBe("closed");
  });

  it("knows team members; a stranger or a team it cannot see is not a member", async () => {
    const { api } = await setup();
    expect(await api.isTeamMember({ org: "acme", slug: "sre" }, "tess")).toBe(true);
    expect(await api.isTeamMember({ org: "acme", slug: "sre" }, "mallory")).toBe(false);
    expect(await api.isTeamMember({ org: "acme", slug: "hidden" }, "tess")).toBe(false);
  });

  it("rejects with GitHubApiError, never a crash, for a missing issue and a refused token", async () => {
    const { fake, api } = await setup();
    const missing: unknown = await api.comment(99, "x").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GitHubApiError);
    expect((missing as GitHubApiError).status).toBe(404);
    const refused = createGitHubIssuesApi(testRest(fake.url, "ghs_wrong"), {
      owner: "acme",
      repo: "ops",
    });
    const error: unknown = await refused
      .commentsSince(7, "2026-01-01T00:00:00Z")
      .catch((e: unknown) => e);
    expect((error as GitHubApiError).status).toBe(401);
  });
});
