import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack, type FakeSlackMessage } from "../../helpers/fake-slack.js";
import {
  baseEnv,
  ofType,
  onlyLog,
  records,
  replay,
  runbook,
  spawnCli,
  waitFor,
  workDir,
} from "./run-harness.js";

let fake: FakeSlack | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child?.exitCode === null) child.kill("SIGKILL");
  child = undefined;
  await fake?.close();
  fake = undefined;
});

/** `runbook-exec run slack.md` from source in a child process with no TTY, Slack pointed at the fake. */
function start(fake: FakeSlack, extraEnv: Record<string, string> = {}) {
  const cwd = workDir();
  const env = baseEnv({
    SLACK_BOT_TOKEN: fake.token,
    SLACK_API_URL: fake.url,
    RUNBOOK_EXEC_SLACK_CHANNEL: "#ops-approvals",
    RUNBOOK_EXEC_SLACK_APPROVERS: "UALICE01",
    RUNBOOK_EXEC_SLACK_REQUESTER: "UCAROL01",
    RUNBOOK_EXEC_SLACK_POLL_INTERVAL_SECONDS: "0.05",
    RUNBOOK_EXEC_APPROVAL_TIMEOUT_SECONDS: "30",
    ...extraEnv,
  });
  const proc = spawnCli(["run", runbook("slack.md"), "--no-llm", "--audit-log-dir", "logs"], {
    cwd,
    env,
  });
  child = proc;
  let stdout = "";
  let stderr = "";
  proc.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  proc.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exit = new Promise<number>((resolve) => proc.on("exit", (code) => resolve(code ?? -1)));
  return { cwd, exit, out: () => ({ stdout, stderr }) };
}

async function topLevel(fake: FakeSlack, prefix: string, ms = 20_000): Promise<FakeSlackMessage> {
  await waitFor(() => fake.topLevel().some((m) => m.text.startsWith(prefix)), ms, prefix);
  const found = fake.topLevel().find((m) => m.text.startsWith(prefix));
  if (found === undefined) throw new Error(prefix);
  return found;
}

describe("runbook-exec run with Slack, no TTY (spawned CLI, fake Slack)", () => {
  it("runs read-only steps, asks once per risky step, runs it only after an allowed approver, records who, posts the thread", async () => {
    fake = await startFakeSlack({
      users: [
        { id: "UALICE01", name: "alice" },
        { id: "UCAROL01", name: "carol" },
        { id: "UMALLORY", name: "mallory" },
      ],
    });
    const run = start(fake);
    const ask2 = await topLevel(fake, "Approval needed: step 2 of 4");
    // The read-only step ran before anyone was asked.
    expect(run.out().stdout).toContain("looking");
    expect(run.out().stdout).not.toContain("changed");
    expect(run.out().stderr).toContain(
      "approval channels: Slack #ops-approvals (approvers UALICE01",
    );
    // The title's <!channel> reached Slack as text.
    expect(ask2.text).toContain("&lt;!channel&gt;` &amp; `&lt;@UALICE01&gt;");
    expect(`${ask2.text}${JSON.stringify(ask2.blocks.slice(0, -1))}`).not.toMatch(
      /<!channel>|<@UALICE01>/,
    );
    fake.react(ask2, "white_check_mark", "UCAROL01"); // the requester: ignored
    fake.react(ask2, "white_check_mark", "UMALLORY"); // not an approver: ignored
    await waitFor(() => fake?.thread(ask2).length === 2, 10_000, "two ignored notes");
    expect(run.out().stdout).not.toContain("changed");
    fake.react(ask2, "white_check_mark", "UALICE01");
    const ask4 = await topLevel(fake, "Approval needed: step 4 of 4");
    expect(run.out().stdout).toContain("changed");
    expect(run.out().stdout).toContain("looking again");
    fake.react(ask4, "x", "UALICE01");
    // Denied and nobody at the terminal: the question goes to the run's thread.
    await waitFor(
      () => fake?.messages.some((m) => m.text === "Step 4 denied: what next?") === true,
      20_000,
      "the operator question",
    );
    const question = fake.messages.find((m) => m.text === "Step 4 denied: what next?");
    if (question === undefined) throw new Error("no question");
    fake.react(question, "fast_forward", "UALICE01");
    const code = await run.exit;
    expect(code, run.out().stderr).toBe(0);
    expect(run.out().stdout).not.toContain("second change");

    // One approval request per risky step; nothing else top-level but the start message.
    const top = fake.topLevel().map((m) => m.text);
    expect(top.filter((t) => t.startsWith("Approval needed"))).toHaveLength(2);
    expect(top.filter((t) => t.includes("Runbook started"))).toHaveLength(1);

    const log = onlyLog(run.cwd);
    const approvals = ofType(log, "approval");
    expect(approvals[1]).toMatchObject({
      step: 2,
      decision: "approved",
      channel: "slack",
      approver: "alice (UALICE01)",
      evidence: {
        approvers: [{ id: "UALICE01", name: "alice" }],
        message: { channel: "C0APPROVE", ts: ask2.ts },
      },
    });
    expect(String(approvals[1]?.["decidedAt"])).toMatch(/^\d{4}-\d\d-\d\dT/);
    const shown = (approvals[1]?.["evidence"] as { hashShown: string }).hashShown;
    expect(String(approvals[1]?.["stepHash"]).startsWith(shown)).toBe(true);
    expect(approvals.at(-1)).toMatchObject({ step: 4, decision: "denied", channel: "slack" });
    expect(ofType(log, "step_skipped").at(-1)).toMatchObject({ step: 4, reason: "operator" });

    // The run's thread: a line per step and the summary with the log's final head.
    const root = fake.topLevel().find((m) => m.text.includes("Runbook started"));
    if (root === undefined) throw new Error("no start message");
    await waitFor(
      () => fake?.thread(root).some((m) => m.text.includes("Run succeeded")) === true,
      10_000,
      "summary",
    );
    const thread = fake.thread(root).map((m) => m.text);
    expect(thread.filter((t) => /^[✓✗⊘] \*Step \d/.test(t))).toHaveLength(4);
    const last = records(log).at(-1);
    expect(thread.at(-1)).toContain(
      `audit head ${String(last?.["seq"])}:${String(last?.["hash"])}`,
    );
    expect(thread.at(-1)).toContain("3 succeeded, 0 failed, 1 skipped, 0 denied of 4");
    expect((await replay(log)).code).toBe(0);

    // Slack shows the runbook as its repository names it, never this host's absolute path;
    // the audit log keeps the absolute path it binds.
    const absolute = runbook("slack.md");
    expect(ask2.text + JSON.stringify(ask2.blocks)).toContain("(__tests__/fixtures/run/slack.md)");
    expect(root.text + JSON.stringify(root.blocks)).toContain("(__tests__/fixtures/run/slack.md)");
    expect(JSON.stringify(fake.messages)).not.toContain(absolute);
    expect(ofType(log, "run_start")[0]).toMatchObject({ runbook: { path: absolute } });
    // Invariant 5: the bot token never reached a step (nor the log).
    expect(run.out().stdout).toContain("bot variable in the step: absent");
    expect(JSON.stringify(records(log))).not.toContain(fake.token);
  }, 90_000);

  it("every Slack failure is a denial recorded with its error: a bot outside the channel runs nothing risky", async () => {
    fake = await startFakeSlack({
      channels: [{ id: "C0APPROVE", name: "ops-approvals", member: false }],
    });
    const run = start(fake);
    const code = await run.exit;
    expect(code).toBe(1);
    expect(run.out().stdout).toContain("looking");
    expect(run.out().stdout).not.toContain("changed");
    expect(run.out().stderr).toContain("Slack notifications stopped");
    const log = onlyLog(run.cwd);
    const denial = ofType(log, "approval").find((r) => r["step"] === 2);
    expect(denial).toMatchObject({ decision: "denied", channel: "slack" });
    expect(String(denial?.["detail"])).toContain("not_in_channel");
    expect(String(denial?.["detail"])).toContain("invite the bot");
    expect(ofType(log, "run_end")[0]).toMatchObject({ status: "aborted" });
  }, 60_000);

  it("an invalid token is a denial, never an approval", async () => {
    fake = await startFakeSlack();
    const run = start(fake, { SLACK_BOT_TOKEN: "xoxb-not-the-right-one" });
    expect(await run.exit).toBe(1);
    const log = onlyLog(run.cwd);
    const denial = ofType(log, "approval").find((r) => r["step"] === 2);
    expect(denial).toMatchObject({ decision: "denied" });
    expect(String(denial?.["detail"])).toContain("invalid_auth");
    expect(JSON.stringify(records(log))).not.toContain("xoxb-not-the-right-one");
  }, 60_000);

  it("invariant 6 with Slack in the loop: SIGTERM while waiting in Slack exits 143 at once, writes run_end, withdraws the request", async () => {
    fake = await startFakeSlack({ users: [{ id: "UALICE01", name: "alice" }] });
    const run = start(fake);
    const ask2 = await topLevel(fake, "Approval needed: step 2 of 4");
    const signalled = Date.now();
    child?.kill("SIGTERM");
    expect(await run.exit).toBe(143);
    expect(Date.now() - signalled).toBeLessThan(4000);
    const log = onlyLog(run.cwd);
    expect(ofType(log, "run_end")[0]).toMatchObject({ status: "interrupted", signal: "SIGTERM" });
    expect(ofType(log, "approval").some((r) => r["channel"] === "slack")).toBe(false);
    await waitFor(() => ask2.history.length === 1, 5000, "the withdrawal");
    expect(JSON.stringify(ask2.blocks.at(-1))).toContain("*Withdrawn*: the run was interrupted");
    expect(run.out().stdout).not.toContain("changed");
  }, 60_000);
});
