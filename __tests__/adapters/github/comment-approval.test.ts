import { afterEach, describe, expect, it } from "vitest";
import { GitHubCommentApprovalProvider } from "../../../src/adapters/github/comment-approval.js";
import { createGitHubIssuesApi } from "../../../src/adapters/github/issues-api.js";
import type { ApproverEntry } from "../../../src/gate/github-comments.js";
import { ApprovalWithdrawnError } from "../../../src/gate/withdrawn.js";
import { EnvironmentApprovalProvider } from "../../../src/gate/environment.js";
import { FirstAnswerProvider } from "../../../src/gate/first-answer.js";
import {
  answerWhenAsked,
  type FakeAnswer,
  type FakeUser,
} from "../../helpers/fake-github-issues.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";
import { approvalOptions, approvalRequest } from "../../gate/helpers.js";
import { testRest } from "./helpers.js";

const ISSUE = 7;
const people = {
  alice: { login: "alice", id: 501 },
  rita: { login: "rita", id: 502 },
  carol: { login: "carol", id: 503 },
  mo: { login: "mo", id: 504 },
  tess: { login: "tess", id: 505 },
  lee: { login: "lee", id: 506 },
  bot: { login: "renovate[bot]", id: 29139614, type: "Bot" },
} satisfies Record<string, FakeUser>;

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  options: { issueNumber?: number | undefined; approvers?: readonly ApproverEntry[] } = {},
) {
  fake = await startFakeGitHub({
    owner: "acme",
    repo: "ops",
    pulls: {},
    token: "ghs_test",
    issues: {
      issues: { [ISSUE]: "Incident 7" },
      collaborators: { alice: "write", rita: "read", carol: "admin", mo: "maintain" },
      teams: { "acme/sre": ["tess"] },
    },
  });
  const rest = testRest(fake.url);
  const provider = new GitHubCommentApprovalProvider({
    api: createGitHubIssuesApi(rest, { owner: "acme", repo: "ops" }),
    issueNumber: "issueNumber" in options ? options.issueNumber : ISSUE,
    runbook: { title: "Disk full", path: "runbooks/disk-full.md" },
    info: { runId: "77", runUrl: undefined, stepCount: 5, actor: "carol" },
    approvers: options.approvers ?? [],
    self: { preventSelfApproval: true, actors: ["carol"] },
    redact: (text) => text,
    pollMs: { first: 40, max: 160 },
  });
  return { fake, provider };
}

/** Plays the people: when the request is posted, they comment (in order). */
function whenAsked(github: FakeGitHub, answers: readonly FakeAnswer[]): void {
  answerWhenAsked(github.issues, "### runbook-exec: approve step", answers);
}

/** The bodies of the comments the token posted after the request. */
function notes(github: FakeGitHub, issue = ISSUE): string[] {
  return github.issues
    .commentsOn(issue)
    .filter((c) => c.user.type === "Bot" && c.user.login === "github-actions[bot]")
    .slice(1)
    .map((c) => c.body);
}

describe("GitHub comment approvals (real Octokit, fake GitHub on 127.0.0.1)", () => {
  it("a writer's `/approve N` approves, recorded with login, id, comment URL and time", async () => {
    const { fake, provider } = await setup();
    whenAsked(fake, [{ user: people.alice, body: "/approve 3" }]);
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    const answer = fake.issues.commentsOn(ISSUE).find((c) => c.user.login === "alice");
    const url = `https://github.com/acme/ops/issues/7#issuecomment-${answer?.id ?? 0}`;
    expect(outcome).toMatchObject({
      decision: "approved",
      approver: "alice",
      channel: "github_comment",
      reasonCode: "approved",
      evidence: {
        approvers: [{ id: "501", name: "alice" }],
        link: url,
        answeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        hashShown: approvalRequest().stepHash,
      },
    });
    expect(outcome.detail).toContain("write on the repository");
    expect(notes(fake)).toEqual([
      `✅ **Approved**: step 3, by \`alice\` in [this comment](${url}).`,
    ]);
    expect(fake.issues.reactions).toEqual([
      { commentId: answer?.id, content: "+1", login: "github-actions[bot]" },
    ]);
    const request = fake.issues.commentsOn(ISSUE)[0]?.body ?? "";
    expect(request).toContain(approvalRequest().stepHash);
    expect(request).toContain("rm -rf /var/cache/app/*");
  });

  it("a reader, the run's own actor on a destructive step, a bot and an edit are ignored with replies", async () => {
    const { fake, provider } = await setup();
    whenAsked(fake, [
      { user: people.rita, body: "/approve 3" },
      { user: people.carol, body: "/approve 3" },
      { user: people.bot, body: "/approve 3" },
      { user: people.alice, body: "/deny 3", edit: "/approve 3" },
      { user: people.mo, body: "/approve 4" },
      { user: people.mo, body: "/approve 3" },
    ]);
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({ decision: "approved", approver: "mo" });
    expect(outcome.detail).toContain("maintain on the repository");
    const said = notes(fake);
    expect(said).toHaveLength(6);
    expect(said[0]).toMatch(
      /from `rita` for step 3: only people with write access.*their role is read/,
    );
    expect(said[1]).toMatch(/from `carol` for step 3: whoever started the run cannot approve/);
    expect(said[2]).toMatch(/from `renovate\[bot\]` for step 3: answers from bots/);
    expect(said[3]).toMatch(/from `alice` for step 3: an edited comment does not count/);
    expect(said[4]).toMatch(/from `mo` for step 3: it names another step/);
    expect(said[5]).toMatch(/^✅ \*\*Approved\*\*: step 3, by `mo`/);
  });

  it("asks GitHub for the permission when the answer is read, and never trusts author_association", async () => {
    const { fake, provider } = await setup();
    // The fake says OWNER for every comment; rita is still only a reader.
    whenAsked(fake, [{ user: people.rita, body: "/approve 3" }]);
    const outcome = await provider.request(approvalRequest(), approvalOptions(1500));
    expect(outcome.decision).toBe("timed_out");
    expect(
      fake.requests.filter((r) => r.url.endsWith("/collaborators/rita/permission")),
    ).toHaveLength(1);
  });

  it("a writer's `/deny N` denies", async () => {
    const { fake, provider } = await setup();
    whenAsked(fake, [{ user: people.alice, body: "/deny 3\nthe disk is fine now" }]);
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({
      decision: "denied",
      approver: "alice",
      reasonCode: "answered_no",
    });
    expect(notes(fake)[0]).toMatch(/^❌ \*\*Denied\*\*: step 3, by `alice`/);
    expect(fake.issues.reactions.map((r) => r.content)).toEqual(["-1"]);
  });

  it("a denial that counts wins over an approval seen in the same look", async () => {
    const { fake, provider } = await setup();
    whenAsked(fake, [
      { user: people.alice, body: "/approve 3" },
      { user: people.mo, body: "/deny 3" },
    ]);
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({ decision: "denied", approver: "mo" });
  });

  it("listed approvers and members of a listed team count without write access", async () => {
    const listed: ApproverEntry[] = [
      { kind: "user", login: "Lee" },
      { kind: "team", org: "acme", slug: "sre" },
    ];
    const { fake, provider } = await setup({ approvers: listed });
    whenAsked(fake, [{ user: people.tess, body: "/approve 3" }]);
    const byTeam = await provider.request(approvalRequest(), approvalOptions());
    expect(byTeam).toMatchObject({ decision: "approved", approver: "tess" });
    expect(byTeam.detail).toContain("member of `acme/sre`");
    const second = await setup({ approvers: listed });
    whenAsked(second.fake, [{ user: people.lee, body: "/approve 3" }]);
    const byName = await second.provider.request(approvalRequest(), approvalOptions());
    expect(byName).toMatchObject({ decision: "approved", approver: "lee" });
    expect(byName.detail).toContain("listed in `approvers`");
  });

  it("times out into a denial, said in the issue", async () => {
    const { fake, provider } = await setup();
    const outcome = await provider.request(approvalRequest(), approvalOptions(1200));
    expect(outcome).toMatchObject({
      decision: "timed_out",
      reasonCode: "timeout",
      approver: undefined,
    });
    expect(notes(fake)).toEqual([
      "⌛ **Expired**: nobody approved step 3 within 1 s; the step was denied.",
    ]);
  });

  it("looks with conditional requests (304s while nothing changes) and waits out a rate limit", async () => {
    const { fake, provider } = await setup();
    fake.issues.onTokenComment((request) => {
      if (!request.body.startsWith("### runbook-exec")) return;
      setTimeout(() => {
        fake.issues.rateLimitNext({ status: 429, retryAfter: 1 });
        fake.issues.addComment(ISSUE, people.alice, "/approve 3");
      }, 600);
    });
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({ decision: "approved", approver: "alice" });
    expect(fake.issues.notModified.length).toBeGreaterThan(0);
    expect(fake.issues.rateLimited).toHaveLength(1);
  });

  it("without `issue-number` opens an issue named after the runbook and run, and closes it at the end", async () => {
    const { fake, provider } = await setup({ issueNumber: undefined });
    whenAsked(fake, [{ user: people.alice, body: "/approve 3" }]);
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome.decision).toBe("approved");
    const opened = fake.issues.issues.get(ISSUE + 1);
    expect(opened?.title).toBe("runbook-exec approvals: Disk full (run 77)");
    expect(opened?.state).toBe("open");
    await provider.request(approvalRequest(), approvalOptions());
    expect(fake.issues.issues.size).toBe(2);
    await provider.finish();
    expect(fake.issues.issues.get(ISSUE + 1)?.state).toBe("closed");
    expect(fake.issues.issues.get(ISSUE)?.state).toBe("open");
  });

  it("withdrawn by another channel: rejects and says who decided where", async () => {
    const { fake, provider } = await setup();
    const controller = new AbortController();
    fake.issues.onTokenComment((request) => {
      if (!request.body.startsWith("### runbook-exec")) return;
      setTimeout(() => {
        controller.abort(
          new ApprovalWithdrawnError({
            decision: "approved",
            approver: "sam",
            channel: "slack",
            stepHash: "a".repeat(64),
            at: new Date().toISOString(),
            reasonCode: "approved",
          }),
        );
      }, 100);
    });
    const pending = provider.request(approvalRequest(), {
      signal: controller.signal,
      timeoutMs: 10_000,
    });
    await expect(pending).rejects.toBeInstanceOf(ApprovalWithdrawnError);
    await provider.finish();
    expect(notes(fake)).toEqual([
      "↩️ **Withdrawn**: step 3 was approved in Slack by sam. Answers here no longer count.",
    ]);
  });

  it("posts nothing, opens no issue, when a channel that answers at once (the environment) decides", async () => {
    const { fake, provider } = await setup({ issueNumber: undefined });
    const request = approvalRequest();
    const environment = new EnvironmentApprovalProvider({
      environment: "production",
      level: "destructive",
      reviewers: [{ login: "erin", id: 7, comment: "", observedAt: new Date().toISOString() }],
      planStepHashes: new Set([request.stepHash]),
    });
    const race = new FirstAnswerProvider([environment, provider]);
    const outcome = await race.request(request, approvalOptions());
    expect(outcome).toMatchObject({ decision: "approved", channel: "github_environment" });
    await provider.finish();
    expect(fake.issues.issues.size).toBe(1);
    expect(fake.issues.comments).toEqual([]);
  });

  it("a failing channel is a denial that names the fix", async () => {
    const { provider } = await setup({ issueNumber: 404 });
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({ decision: "denied", reasonCode: "channel_error" });
    expect(outcome.detail).toMatch(/HTTP 404.*issue-number/);
  });

  it("answers at most ten ignored comments per request, whoever floods the issue", async () => {
    const { fake, provider } = await setup();
    const flood = Array.from({ length: 25 }, (_, i) => ({
      user: { login: `spam${i}`, id: 900 + i },
      body: "/approve 3",
    }));
    whenAsked(fake, flood);
    const outcome = await provider.request(approvalRequest(), approvalOptions(1500));
    expect(outcome.decision).toBe("timed_out");
    expect(notes(fake).filter((body) => body.startsWith("Ignored"))).toHaveLength(10);
  });
});
