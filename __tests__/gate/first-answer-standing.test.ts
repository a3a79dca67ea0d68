import { afterEach, describe, expect, it } from "vitest";
import { GitHubCommentApprovalProvider } from "../../src/adapters/github/comment-approval.js";
import { createGitHubIssuesApi } from "../../src/adapters/github/issues-api.js";
import { createGitHubRest } from "../../src/adapters/github/rest.js";
import { createSlackApi } from "../../src/adapters/slack/client.js";
import type { SlackApprovalProvider } from "../../src/adapters/slack/approval-provider.js";
import { EnvironmentApprovalProvider } from "../../src/gate/environment.js";
import { FirstAnswerProvider } from "../../src/gate/first-answer.js";
import type { GitHubIssuesApi } from "../../src/gate/github-api.js";
import type { ApprovalProvider, ApprovalRequest } from "../../src/gate/types.js";
import { answerWhenAsked } from "../helpers/fake-github-issues.js";
import { startFakeGitHub, type FakeGitHub } from "../helpers/fake-github.js";
import { startFakeSlack, type FakeSlack } from "../helpers/fake-slack.js";
import { approvalOptions, approvalRequest, HASH, slackWithAlice } from "./helpers.js";

let fake: FakeSlack | undefined;
let github: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  await github?.close();
  fake = undefined;
  github = undefined;
});

async function slackChannel(postIntervalMs = 0): Promise<{
  slack: SlackApprovalProvider;
  fake: FakeSlack;
  api: ReturnType<typeof createSlackApi>;
}> {
  fake = await startFakeSlack({ users: [{ id: "UALICE01", name: "alice" }] });
  const api = createSlackApi({ token: fake.token, apiUrl: fake.url, postIntervalMs });
  const slack = slackWithAlice(api);
  return { slack, fake, api };
}

/** The environment's reviewers approved the plan that holds {@link HASH}, up to `level`. */
function environment(level: "modifying" | "destructive"): EnvironmentApprovalProvider {
  return new EnvironmentApprovalProvider({
    environment: "production",
    level,
    reviewers: [{ login: "erin", id: 7, comment: "", observedAt: "2026-12-07T06:00:00.000Z" }],
    planStepHashes: new Set([HASH]),
  });
}

/** A fake GitHub with issue 7 open and alice a writer, and the real issues API over it. */
async function issues(writeIntervalMs = 0): Promise<{
  readonly fake: FakeGitHub;
  readonly api: GitHubIssuesApi;
}> {
  const fake = await startFakeGitHub({
    owner: "acme",
    repo: "ops",
    pulls: {},
    token: "ghs_test",
    issues: { issues: { 7: "Incident 7" }, collaborators: { alice: "write" } },
  });
  github = fake;
  const rest = createGitHubRest({
    token: "ghs_test",
    baseUrl: fake.url,
    requestTimeoutMs: 2_000,
    writeIntervalMs,
  });
  return { fake, api: createGitHubIssuesApi(rest, { owner: "acme", repo: "ops" }) };
}

/** The comment channel asking in issue 7 through `api`. */
function commentChannel(api: GitHubIssuesApi): GitHubCommentApprovalProvider {
  return new GitHubCommentApprovalProvider({
    api,
    issueNumber: 7,
    runbook: { title: "Disk full", path: "runbooks/disk-full.md" },
    info: { runId: "77", runUrl: undefined, stepCount: 5, actor: "carol" },
    approvers: [],
    self: { preventSelfApproval: true, actors: ["carol"] },
    redact: (text) => text,
    pollMs: { first: 40, max: 160 },
  });
}

/** When the request is posted in issue 7, alice answers `/approve 3`. */
function aliceApproves(fake: FakeGitHub): void {
  answerWhenAsked(fake.issues, "### runbook-exec: approve step", [
    { user: { login: "alice", id: 501 }, body: "/approve 3" },
  ]);
}

describe("a standing answer decides before any person is asked (invariant 14)", () => {
  it("an environment approval decides every step: Slack posts nothing, step after step", async () => {
    const { slack, fake } = await slackChannel();
    for (const order of [
      [environment("destructive"), slack],
      [slack, environment("destructive")],
    ] as const) {
      const race = new FirstAnswerProvider(
        order as unknown as [ApprovalProvider, ApprovalProvider],
      );
      for (const index of [1, 2, 3]) {
        const outcome = await race.request(approvalRequest({ index }), approvalOptions(5_000));
        expect(outcome).toMatchObject({
          decision: "approved",
          channel: "github_environment",
          approver: "erin",
        });
        // Nobody was asked, so nothing was withdrawn.
        expect(outcome.withdrawn).toBeUndefined();
      }
    }
    // Slack was never asked: not even its approvers were looked up.
    expect(fake.calls).toEqual([]);
  });

  it("an environment that cannot decide (above its level) leaves the step to Slack, which posts once", async () => {
    const { slack, fake } = await slackChannel();
    const race = new FirstAnswerProvider([environment("modifying"), slack]);
    const asking = race.request(approvalRequest({ risk: "destructive" }), approvalOptions(5_000));
    await waitForPost(fake);
    const [message] = fake.topLevel();
    if (message === undefined) throw new Error("no request posted");
    fake.react(message, "white_check_mark", "UALICE01");
    const outcome = await asking;
    expect(outcome).toMatchObject({ decision: "approved", channel: "slack" });
    expect(outcome.detail).toContain("github_environment: destructive is above");
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });
});

async function waitForPost(slack: FakeSlack): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (slack.topLevel().length === 0) {
    if (Date.now() > deadline) throw new Error("Slack was never asked");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A channel where "bob" approves `ms` after being asked. */
function approvesAfter(ms: number): ApprovalProvider {
  return {
    channel: "terminal",
    request: (request: ApprovalRequest, { signal }) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            resolve({
              decision: "approved",
              approver: "bob",
              channel: "terminal",
              stepHash: request.stepHash,
              at: new Date().toISOString(),
              reasonCode: "approved",
            }),
          ms,
        );
        signal.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(signal.reason);
        });
      }),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("a request withdrawn before it is sent is never posted (invariant 14)", () => {
  it("Slack: decided elsewhere while the post waits for the channel's pacing: nothing is posted", async () => {
    const { slack, fake, api } = await slackChannel(1_200);
    // An earlier message in the channel: the request must wait its turn (one post a second).
    await api.post("C0APPROVE", { text: "run started" });
    const race = new FirstAnswerProvider([slack, approvesAfter(100)]);
    const outcome = await race.request(approvalRequest(), approvalOptions(5_000));
    expect(outcome).toMatchObject({
      decision: "approved",
      channel: "terminal",
      withdrawn: ["slack"],
    });
    await sleep(1_600); // past the turn the request waited for
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    expect(fake.callsOf("chat.update")).toEqual([]);
  });

  it("GitHub: decided elsewhere while the comment waits for the write pacing: no request, no note", async () => {
    const { fake, api } = await issues(1_200);
    const comments = commentChannel(api);
    // An earlier write: the request must wait for the next write slot.
    await api.comment(7, "status: running");
    const race = new FirstAnswerProvider([comments, approvesAfter(100)]);
    const outcome = await race.request(approvalRequest(), approvalOptions(5_000));
    expect(outcome).toMatchObject({
      decision: "approved",
      channel: "terminal",
      withdrawn: ["github_comment"],
    });
    await comments.finish();
    await sleep(1_600);
    expect(fake.issues.commentsOn(7).map((comment) => comment.body)).toEqual(["status: running"]);
  });
});

/** A channel where "dave" says no once `ready()` holds (looked at every 10 ms). */
function deniesWhen(ready: () => boolean): ApprovalProvider {
  return {
    channel: "terminal",
    request: (request: ApprovalRequest, { signal }) =>
      new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          if (!ready()) return;
          clearInterval(timer);
          resolve({
            decision: "denied",
            approver: "dave",
            channel: "terminal",
            stepHash: request.stepHash,
            at: new Date().toISOString(),
            reasonCode: "answered_no",
          });
        }, 10);
        signal.addEventListener("abort", () => {
          clearInterval(timer);
          reject(signal.reason);
        });
      }),
  };
}

describe("the channel that saw the first answer is the one that decides (invariant 14)", () => {
  it("Slack saw the approval first: another answer while Slack says so does not overrule it", async () => {
    const { slack, fake } = await slackChannel();
    // Slack is slow to take the update that shows the outcome; the terminal says no meanwhile.
    fake.fail("chat.update", { kind: "delay", ms: 600 });
    const race = new FirstAnswerProvider([
      slack,
      deniesWhen(() => fake.callsOf("chat.update").length > 0),
    ]);
    const asking = race.request(approvalRequest(), approvalOptions(5_000));
    await waitForPost(fake);
    const [message] = fake.topLevel();
    if (message === undefined) throw new Error("no request posted");
    fake.react(message, "white_check_mark", "UALICE01");
    const outcome = await asking;
    // What the run does is what Slack shows: approved by alice, the terminal withdrawn.
    expect(outcome).toMatchObject({
      decision: "approved",
      channel: "slack",
      approver: "alice (UALICE01)",
      withdrawn: ["terminal"],
    });
    expect(JSON.stringify(message.blocks)).toContain("Approved");
  });
});

describe("a GitHub answer shown in the issue is the one the run follows (invariant 14)", () => {
  it("the comment's approval was seen first: a denial elsewhere while it is acknowledged does not overrule it", async () => {
    const { fake, api: real } = await issues();
    let acknowledging = false;
    // GitHub is slow to take the reaction that acknowledges the answer; the terminal says no meanwhile.
    const api = {
      ...real,
      react: async (...args: Parameters<typeof real.react>) => {
        acknowledging = true;
        await sleep(500);
        return real.react(...args);
      },
    };
    const comments = commentChannel(api);
    aliceApproves(fake);
    const race = new FirstAnswerProvider([comments, deniesWhen(() => acknowledging)]);
    const outcome = await race.request(approvalRequest(), approvalOptions(5_000));
    expect(outcome).toMatchObject({
      decision: "approved",
      channel: "github_comment",
      approver: "alice",
      withdrawn: ["terminal"],
    });
    const said = fake.issues.commentsOn(7).map((comment) => comment.body);
    expect(said.at(-1)).toContain("**Approved**: step 3");
  });

  it("another channel decided while the comment's author was being checked: the issue says so, not the answer", async () => {
    const { fake, api: real } = await issues();
    let checking = false;
    const api = {
      ...real,
      // Slow to say who the author is, and deaf to the withdrawal meanwhile.
      collaboratorRole: async (login: string) => {
        checking = true;
        await sleep(300);
        return real.collaboratorRole(login);
      },
    };
    const comments = commentChannel(api);
    aliceApproves(fake);
    const race = new FirstAnswerProvider([comments, deniesWhen(() => checking)]);
    const outcome = await race.request(approvalRequest(), approvalOptions(5_000));
    expect(outcome).toMatchObject({ decision: "denied", channel: "terminal", approver: "dave" });
    const said = (): string[] => fake.issues.commentsOn(7).map((comment) => comment.body);
    // The provider finds out when its lookup ends; the run has gone on meanwhile.
    const deadline = Date.now() + 3_000;
    while (!said().some((body) => body.includes("Withdrawn")) && Date.now() < deadline)
      await sleep(20);
    await comments.finish();
    expect(said().some((body) => body.includes("**Approved**"))).toBe(false);
    expect(said().at(-1)).toContain("denied in the terminal by dave");
    expect(fake.issues.reactions).toEqual([]);
  });
});
