// End to end: `command: run` of the bundled action (node dist/index.js) asking for approvals in
// GitHub issue comments and in Slack, as the runner starts it for a workflow_dispatch run,
// against a fake GitHub API, a fake Slack and a fake artifact service on 127.0.0.1.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeArtifacts, type FakeArtifacts } from "../../helpers/fake-artifacts.js";
import {
  answerWhenAsked,
  type FakeAnswer,
  type FakeUser,
} from "../../helpers/fake-github-issues.js";
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeRunApproval,
} from "../../helpers/fake-github.js";
import { startFakeSlack, type FakeSlack } from "../../helpers/fake-slack.js";
import { escapeTableCell } from "../../../src/present/escape/markdown.js";
import { ofType, waitFor } from "../cli/run-harness.js";
import { actionBundle, runDist, type DistRun } from "./dist-harness.js";

const RUN_ID = 88;
const ISSUE = 7;
const people = {
  alice: { login: "alice", id: 501 },
  rita: { login: "rita", id: 502 },
  carol: { login: "carol", id: 503 },
  bot: { login: "dependabot[bot]", id: 49699333, type: "Bot" },
} satisfies Record<string, FakeUser>;

let bundle = "";
let github: FakeGitHub | undefined;
let slack: FakeSlack | undefined;
let artifacts: FakeArtifacts | undefined;

beforeAll(() => {
  bundle = actionBundle();
});

afterEach(async () => {
  await Promise.all([github?.close(), slack?.close(), artifacts?.close()]);
  github = undefined;
  slack = undefined;
  artifacts = undefined;
});

/** A runbook: step 1 reads, step 2 deletes a directory and leaves a marker (destructive). */
function workspace(): {
  readonly workspace: string;
  readonly marker: string;
  readonly victim: string;
} {
  const dir = mkdtempSync(path.join(tmpdir(), "rbx-approve-"));
  const root = path.join(dir, "repo");
  const marker = path.join(dir, "marker");
  const victim = path.join(dir, "victim");
  mkdirSync(victim);
  mkdirSync(path.join(root, "runbooks"), { recursive: true });
  const text = [
    "# Purge the <b>cache</b> @acme/sre",
    "",
    "1. Look around",
    "",
    "   ```bash",
    "   echo looking",
    "   ```",
    "",
    "2. Purge it (ping @alice, see #12)",
    "",
    "   ```bash {risk=destructive}",
    `   rm -rf ${victim} && touch ${marker}`,
    "   ```",
    "",
  ].join("\n");
  writeFileSync(path.join(root, "runbooks", "purge.md"), text);
  return { workspace: root, marker, victim };
}

async function fakes(options: { slack?: boolean; reviews?: readonly FakeRunApproval[] } = {}) {
  github = await startFakeGitHub({
    owner: "acme",
    repo: "ops",
    token: "ghs_testtoken",
    pulls: {},
    runApprovals: { [RUN_ID]: options.reviews ?? [] },
    issues: {
      issues: { [ISSUE]: "Incident 7" },
      collaborators: { alice: "write", rita: "read", carol: "admin" },
    },
  });
  artifacts = await startFakeArtifacts();
  if (options.slack === true)
    slack = await startFakeSlack({
      users: [
        { id: "UALICE01", name: "alice" },
        { id: "UMALLORY", name: "mallory" },
      ],
    });
  return { github, artifacts };
}

/** The action as the runner starts it, with the fakes (call `fakes` first). */
function action(root: string, inputs: Record<string, string>): Promise<DistRun> {
  if (github === undefined || artifacts === undefined) throw new Error("start the fakes first");
  return runDist({
    bundle,
    workspace: root,
    eventName: "workflow_dispatch",
    event: {
      inputs: { runbook: "runbooks/purge.md" },
      repository: { name: "ops", owner: { login: "acme" } },
    },
    apiUrl: github.url,
    inputs: { command: "run", runbook: "runbooks/purge.md", "approval-timeout": "60", ...inputs },
    extraEnv: {
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_ACTOR: "dave",
      GITHUB_TRIGGERING_ACTOR: "carol",
      RUNNER_ENVIRONMENT: "self-hosted",
      ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
      ACTIONS_RESULTS_URL: artifacts.url,
      ...(slack === undefined
        ? {}
        : { SLACK_API_URL: slack.url, RUNBOOK_EXEC_SLACK_POLL_INTERVAL_SECONDS: "0.1" }),
    },
  });
}

/** Plays the people in the issue: when step 2 is asked, they comment (in order). */
function whenAsked(fake: FakeGitHub, answers: readonly FakeAnswer[]): void {
  answerWhenAsked(fake.issues, "### runbook-exec: approve step 2", answers);
}

/** What the token wrote in the issue, oldest first. */
function written(fake: FakeGitHub, issue = ISSUE): string[] {
  return fake.issues
    .commentsOn(issue)
    .filter((c) => c.user.login === "github-actions[bot]")
    .map((c) => c.body);
}

function approvalRecords(run: DistRun): Record<string, unknown>[] {
  return ofType(run.outputs["audit-log"] ?? "", "approval").filter((r) => r["channel"] !== "auto");
}

describe("dist/index.js command: run with `approval: github`", () => {
  it("runs the destructive step once a writer comments `/approve 2`, and records who, where and when", async () => {
    const setup = workspace();
    const { github } = await fakes();
    whenAsked(github, [{ user: people.alice, body: "/approve 2" }]);
    const run = await action(setup.workspace, { approval: "github", "issue-number": "7" });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs["status"]).toBe("succeeded");
    expect(existsSync(setup.marker)).toBe(true);
    const [request, decision] = written(github);
    // The request: escaped runbook text (no HTML, no pings), the exact script and the hash.
    expect(request).toContain("approve step 2 of 2");
    expect(request).not.toMatch(/<b>|@alice|@acme|#12/);
    expect(request).toContain(`rm -rf ${setup.victim} && touch ${setup.marker}`);
    expect(request).toContain("https://github.com/acme/ops/actions/runs/88");
    expect(request).toContain("`carol` started this run and cannot approve");
    const answer = github.issues.commentsOn(ISSUE).find((c) => c.user.login === "alice");
    const url = `https://github.com/acme/ops/issues/7#issuecomment-${answer?.id ?? 0}`;
    expect(decision).toBe(`✅ **Approved**: step 2, by \`alice\` in [this comment](${url}).`);
    const [record] = approvalRecords(run);
    expect(record).toMatchObject({
      step: 2,
      decision: "approved",
      channel: "github_comment",
      approver: "alice",
      evidence: { approvers: [{ id: "501", name: "alice" }], link: url },
    });
    expect(request).toContain(String(record?.["stepHash"]));
    expect(run.summary).toContain("github&#95;comment&#58; approved by alice");
    // The token reached GitHub only in the Authorization header, never a comment.
    expect(github.issues.comments.some((c) => c.body.includes("ghs_testtoken"))).toBe(false);
  }, 120_000);

  it("ignores a reader, a bot and an edited comment (each told why), then times out into a denial", async () => {
    const setup = workspace();
    const { github } = await fakes();
    whenAsked(github, [
      { user: people.rita, body: "/approve 2" },
      { user: people.bot, body: "/approve 2" },
      { user: people.alice, body: "/deny 2", edit: "/approve 2" },
    ]);
    const run = await action(setup.workspace, {
      approval: "github",
      "issue-number": "7",
      "approval-timeout": "4",
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs["status"]).toBe("denied");
    expect(existsSync(setup.marker)).toBe(false);
    expect(existsSync(setup.victim)).toBe(true);
    const said = written(github).slice(1);
    expect(said, said.join("\n")).toHaveLength(4);
    expect(said[0]).toMatch(/`rita` for step 2: only people with write access.*their role is read/);
    expect(said[1]).toMatch(
      /`dependabot\[bot\]` for step 2: answers from bots and apps never count/,
    );
    expect(said[2]).toMatch(/`alice` for step 2: an edited comment does not count/);
    expect(said[3]).toBe("⌛ **Expired**: nobody approved step 2 within 4 s; the step was denied.");
    expect(approvalRecords(run)).toEqual([
      expect.objectContaining({
        step: 2,
        decision: "timed_out",
        channel: "github_comment",
        approver: null,
      }),
    ]);
  }, 120_000);

  it("ignores the triggering actor's approval of a destructive step, and honours a writer's `/deny`", async () => {
    const setup = workspace();
    const { github } = await fakes();
    whenAsked(github, [
      { user: people.carol, body: "/approve 2" },
      { user: people.alice, body: "/deny 2" },
    ]);
    const run = await action(setup.workspace, { approval: "github", "issue-number": "7" });
    expect(run.outputs["status"]).toBe("denied");
    expect(existsSync(setup.victim)).toBe(true);
    const said = written(github).slice(1);
    expect(said[0]).toMatch(/`carol` for step 2: whoever started the run cannot approve/);
    expect(said[1]).toMatch(/^❌ \*\*Denied\*\*: step 2, by `alice`/);
    expect(approvalRecords(run)).toEqual([
      expect.objectContaining({ decision: "denied", approver: "alice", channel: "github_comment" }),
    ]);
  }, 120_000);

  it("without `issue-number` opens an issue for the run and closes it at the end", async () => {
    const setup = workspace();
    const { github } = await fakes();
    whenAsked(github, [{ user: people.alice, body: "/approve 2" }]);
    const run = await action(setup.workspace, { approval: "github" });
    expect(run.outputs["status"]).toBe("succeeded");
    const opened = github.issues.issues.get(ISSUE + 1);
    expect(opened?.title).toMatch(
      /^runbook-exec approvals: Purge the .*cache.* @\u200bacme\/sre \(run 88\)$/,
    );
    expect(opened?.state).toBe("closed");
    expect(written(github, ISSUE + 1)[0]).toContain("approve step 2 of 2");
    expect(github.issues.issues.get(ISSUE)?.state).toBe("open");
  }, 120_000);

  it("refuses `approver` entries that are neither logins nor org/team, running nothing", async () => {
    const setup = workspace();
    await fakes();
    const run = await action(setup.workspace, { approval: "github", approvers: "alice, @@evil" });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("`@@evil` is neither a GitHub login nor `org/team-slug`");
    expect(existsSync(setup.victim)).toBe(true);
  }, 120_000);
});

describe("dist/index.js command: run with `approval: slack`", () => {
  it("asks in Slack with the action's inputs and runs the step once an allowed approver reacts", async () => {
    const setup = workspace();
    await fakes({ slack: true });
    const fake = slack;
    if (fake === undefined) throw new Error("no fake Slack");
    const runbookFile = path.join(setup.workspace, "runbooks", "purge.md");
    const running = action(setup.workspace, {
      // As `${{ github.workspace }}/runbooks/purge.md` would give it: the runner's own path.
      runbook: runbookFile,
      approval: "slack",
      "slack-channel": "#ops-approvals",
      "slack-bot-token": fake.token,
      "slack-approvers": "UALICE01",
    });
    await waitFor(
      () => fake.topLevel().some((m) => m.text.startsWith("Approval needed: step 2")),
      60_000,
      "the Slack request",
    );
    const ask = fake.topLevel().find((m) => m.text.startsWith("Approval needed: step 2"));
    if (ask === undefined) throw new Error("no request");
    fake.react(ask, "white_check_mark", "UMALLORY");
    fake.react(ask, "white_check_mark", "UALICE01");
    const run = await running;
    expect(run.exitCode, run.stdout).toBe(0);
    expect(existsSync(setup.marker)).toBe(true);
    expect(fake.thread(ask).some((m) => m.text.includes("UMALLORY"))).toBe(true);
    expect(approvalRecords(run)).toEqual([
      expect.objectContaining({
        decision: "approved",
        channel: "slack",
        approver: "alice (UALICE01)",
      }),
    ]);
    expect(run.stdout).toContain(`::add-mask::${fake.token}`);
    // Slack and the job summary show the runbook as the repository names it, never the
    // runner's file system; the audit log keeps the absolute path it binds.
    expect(ask.text + JSON.stringify(ask.blocks)).toContain("(runbooks/purge.md)");
    expect(JSON.stringify(fake.messages)).not.toContain(setup.workspace);
    expect(run.summary).toContain(`Runbook <code>${escapeTableCell("runbooks/purge.md")}</code>`);
    expect(run.summary).not.toContain(escapeTableCell(setup.workspace));
    expect(ofType(run.outputs["audit-log"] ?? "", "run_start")[0]).toMatchObject({
      runbook: { path: runbookFile },
    });
  }, 120_000);

  it("says which inputs Slack needs when they are missing", async () => {
    const setup = workspace();
    await fakes();
    const run = await action(setup.workspace, { approval: "slack", "slack-channel": "#ops" });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("`slack-channel` and `slack-bot-token`");
  }, 120_000);
});

describe("dist/index.js command: run with `approval: environment, github, slack`", () => {
  it("asks all three; the first decisive answer (Slack) wins and the GitHub request is withdrawn", async () => {
    const setup = workspace();
    // The environment approved only up to modifying: not decisive for this destructive step.
    await fakes({
      slack: true,
      reviews: [
        { state: "approved", environments: ["ops"], login: "erin", userId: 7, comment: "" },
      ],
    });
    const fake = slack;
    const gh = github;
    if (fake === undefined || gh === undefined) throw new Error("no fakes");
    const plan = await action(setup.workspace, { command: "plan" });
    const running = action(setup.workspace, {
      approval: "environment, github, slack",
      environment: "ops",
      "plan-hash": plan.outputs["plan-hash"] ?? "",
      "environment-level": "modifying",
      "issue-number": "7",
      "slack-channel": "#ops-approvals",
      "slack-bot-token": fake.token,
      "slack-approvers": "UALICE01",
    });
    await waitFor(
      () =>
        fake.topLevel().some((m) => m.text.startsWith("Approval needed: step 2")) &&
        written(gh).length > 0,
      60_000,
      "both requests",
    );
    const ask = fake.topLevel().find((m) => m.text.startsWith("Approval needed: step 2"));
    if (ask === undefined) throw new Error("no request");
    fake.react(ask, "white_check_mark", "UALICE01");
    const run = await running;
    expect(run.exitCode, run.stdout).toBe(0);
    expect(existsSync(setup.marker)).toBe(true);
    const [record] = approvalRecords(run);
    expect(record).toMatchObject({
      decision: "approved",
      channel: "slack",
      approver: "alice (UALICE01)",
    });
    // The environment could not decide this destructive step; it is named with its reason.
    expect(String(record?.["detail"])).toContain("github_environment: destructive is above");
    expect(approvalRecords(run)).toHaveLength(1);
    expect(written(gh).at(-1)).toContain(
      "**Withdrawn**: step 2 was approved in Slack by alice &#40;UALICE01&#41;",
    );
  }, 120_000);
});
