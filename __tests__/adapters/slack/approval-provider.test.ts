import { afterEach, describe, expect, it } from "vitest";
import { createSlackApi } from "../../../src/adapters/slack/client.js";
import { requestApproval } from "../../../src/gate/request.js";
import type { ApprovalOutcome, ApprovalRequest } from "../../../src/gate/types.js";
import type { RiskLevel } from "../../../src/core/risk.js";
import {
  SlackApprovalProvider,
  type SlackApproverConfig,
} from "../../../src/adapters/slack/approval-provider.js";
import { ApprovalWithdrawnError } from "../../../src/gate/withdrawn.js";
import { startFakeSlack, type FakeSlack, type FakeSlackMessage } from "../../helpers/fake-slack.js";
import { waitFor } from "../../faces/cli/run-harness.js";

const HASH = "ab".repeat(32);

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function approvalRequest(
  options: { risk?: RiskLevel; text?: string; script?: string; title?: string } = {},
): ApprovalRequest {
  return {
    runbookPath: "runbooks/disk-full.md",
    runbookTitle: options.title ?? "Disk full",
    step: {
      index: 3,
      section: "Cleanup",
      text: options.text ?? "Clear the application cache.",
      risk: options.risk ?? "modifying",
      riskSource: "rules",
      reasons: [{ ruleId: "RBC-rm-recursive", message: "`rm -rf` deletes files recursively" }],
      commands: [{ language: "bash", script: options.script ?? "rm -rf /var/cache/app/*\n" }],
    },
    stepHash: HASH,
  };
}

async function setup(
  config: Partial<SlackApproverConfig> = {},
  requester: string | undefined = "UREQUEST",
) {
  fake = await startFakeSlack({
    users: [
      { id: "UALICE01", name: "alice" },
      { id: "UBOB0001", name: "bob" },
      { id: "UMALLORY", name: "mallory" },
      { id: "UREQUEST", name: "carol" },
      { id: "UOTHERBOT", name: "deploy-bot", isBot: true },
    ],
    groups: { S0ONCALL: ["UBOB0001"] },
  });
  const api = createSlackApi({
    token: fake.token,
    apiUrl: fake.url,
    requestTimeoutMs: 2000,
    backoffMs: { initial: 10, max: 40 },
    postIntervalMs: 0,
  });
  const provider = new SlackApprovalProvider({
    api,
    channel: "#ops-approvals",
    info: { runId: "run-1234", host: "jump-1", user: "carol", requester, stepCount: 5 },
    approvers: ["UALICE01", "UREQUEST"],
    approverGroups: ["S0ONCALL"],
    minApprovals: {},
    preventSelfApproval: true,
    pollIntervalMs: 15,
    ...config,
  });
  return { fake, provider };
}

/** Starts a request and returns it with the message it posted. */
async function ask(
  setupResult: Awaited<ReturnType<typeof setup>>,
  request = approvalRequest(),
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<{ outcome: Promise<ApprovalOutcome>; message: FakeSlackMessage }> {
  const { fake, provider } = setupResult;
  const outcome = requestApproval(provider, request, {
    signal: options.signal ?? new AbortController().signal,
    timeoutMs: options.timeoutMs ?? 5000,
  });
  await waitFor(() => fake.topLevel().length > 0, 3000, "the approval request");
  const message = fake.topLevel()[0];
  if (message === undefined) throw new Error("no message");
  return { outcome, message };
}

const lastBlockText = (message: FakeSlackMessage): string => JSON.stringify(message.blocks.at(-1));
const threadText = (message: FakeSlackMessage): string =>
  fake
    ?.thread(message)
    .map((m) => m.text)
    .join("\n") ?? "";

describe("Slack approvals (real WebClient against a fake Slack)", () => {
  it("an allowed approver's :white_check_mark: approves the hash shown; the message is updated and recorded", async () => {
    const s = await setup();
    const { outcome, message } = await ask(s);
    expect(message.text).toBe("Approval needed: step 3 of 5: Disk full");
    expect(lastBlockText(message)).toContain("react :white_check_mark: to approve or :x: to deny");
    s.fake.react(message, "white_check_mark", "UALICE01");
    const result = await outcome;
    expect(result).toMatchObject({
      decision: "approved",
      channel: "slack",
      approver: "alice (UALICE01)",
      stepHash: HASH,
      reasonCode: "approved",
      evidence: {
        approvers: [{ id: "UALICE01", name: "alice" }],
        message: { channel: "C0APPROVE", ts: message.ts },
        hashShown: HASH.slice(0, 12),
      },
    });
    expect(message.history).toHaveLength(1);
    expect(lastBlockText(message)).toContain("*Approved* by alice (<@UALICE01>)");
    expect(JSON.stringify(message.blocks)).not.toContain("To answer");
    expect(s.fake.topLevel()).toHaveLength(1);
  });

  it("an allowed approver's :x: denies, and wins over approvals seen in the same look", async () => {
    const s = await setup({ minApprovals: { modifying: 1 } });
    const { outcome, message } = await ask(s);
    s.fake.react(message, "x", "UBOB0001"); // a member of the approver group
    s.fake.react(message, "white_check_mark", "UALICE01");
    const result = await outcome;
    expect(result).toMatchObject({
      decision: "denied",
      reasonCode: "answered_no",
      approver: "bob (UBOB0001)",
    });
    expect(lastBlockText(message)).toContain("*Denied* by bob");
  });

  it("a quorum of 2 for destructive steps counts distinct allowed approvers", async () => {
    const s = await setup({ minApprovals: { destructive: 2 } });
    const { outcome, message } = await ask(s, approvalRequest({ risk: "destructive" }));
    expect(lastBlockText(message)).toContain("2 different approvers must approve");
    s.fake.react(message, "white_check_mark", "UALICE01");
    await waitFor(() => s.fake.callsOf("reactions.get").length >= 4, 3000, "more polls");
    let settled = false;
    void outcome.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    s.fake.react(message, "white_check_mark", "UBOB0001");
    const result = await outcome;
    expect(result.decision).toBe("approved");
    expect(result.evidence?.approvers.map((a) => a.id)).toEqual(["UALICE01", "UBOB0001"]);
    expect(result.approver).toBe("alice (UALICE01), bob (UBOB0001)");
  });

  it("a quorum larger than the approver list is a denial at once, with the fix", async () => {
    const s = await setup({ approverGroups: [], minApprovals: { modifying: 3 } });
    const result = await requestApproval(s.provider, approvalRequest(), {
      signal: new AbortController().signal,
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ decision: "denied", reasonCode: "channel_error" });
    expect(result.detail).toContain("slack_min_approvals.modifying");
  });

  it("reactions by others, the bot itself and the requester are ignored and said once in the thread", async () => {
    const s = await setup();
    const { outcome, message } = await ask(s, approvalRequest(), { timeoutMs: 600 });
    s.fake.react(message, "white_check_mark", "UMALLORY");
    s.fake.react(message, "white_check_mark", s.fake.botUserId);
    s.fake.react(message, "white_check_mark", "UREQUEST"); // listed, but started the run
    s.fake.react(message, "x", "UMALLORY");
    const result = await outcome;
    expect(result).toMatchObject({ decision: "timed_out", reasonCode: "timeout" });
    const notes = s.fake.thread(message).map((m) => m.text);
    expect(
      notes.filter((n) => n.includes("<@UMALLORY>") && n.includes("not an allowed approver")),
    ).toHaveLength(1);
    expect(notes.filter((n) => n.includes(`<@${s.fake.botUserId}>`))).toHaveLength(1);
    expect(
      notes.filter((n) => n.includes("<@UREQUEST>") && n.includes("cannot approve")),
    ).toHaveLength(1);
    expect(s.fake.callsOf("reactions.get").length).toBeGreaterThan(5);
    expect(lastBlockText(message)).toContain("*Expired*");
  });

  it("with self-approval allowed, the requester may approve", async () => {
    const s = await setup({ preventSelfApproval: false });
    const { outcome, message } = await ask(s);
    s.fake.react(message, "white_check_mark", "UREQUEST");
    expect((await outcome).approver).toBe("carol (UREQUEST)");
  });

  it("without an approver list any person in the channel but the requester may approve; bots never", async () => {
    const s = await setup({ approvers: [], approverGroups: [] });
    const { outcome, message } = await ask(s);
    expect(lastBlockText(message)).toContain(
      "any person in this channel except whoever started the run",
    );
    s.fake.react(message, "white_check_mark", "UOTHERBOT");
    s.fake.react(message, "white_check_mark", "UREQUEST");
    s.fake.react(message, "white_check_mark", "UUNKNOWN9"); // users.info cannot vouch for it
    await waitFor(() => s.fake.thread(message).length >= 3, 3000, "three notes");
    expect(threadText(message)).toContain("not a person Slack could vouch for");
    s.fake.react(message, "white_check_mark", "UMALLORY");
    expect((await outcome).approver).toBe("mallory (UMALLORY)");
  });

  it("expiry: no answer before approval_timeout_seconds is timed_out, and the message says so", async () => {
    const s = await setup();
    const { outcome, message } = await ask(s, approvalRequest(), { timeoutMs: 200 });
    expect(await outcome).toMatchObject({ decision: "timed_out", approver: undefined });
    expect(lastBlockText(message)).toContain("*Expired*");
  });

  it("a 429 with Retry-After during polling is waited out, then the approval still counts", async () => {
    const s = await setup();
    s.fake.fail("reactions.get", { kind: "status", status: 429, retryAfter: 1 });
    const { outcome, message } = await ask(s);
    s.fake.react(message, "white_check_mark", "UALICE01");
    expect((await outcome).decision).toBe("approved");
    const [first, second] = s.fake.callsOf("reactions.get");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("500s and a dropped connection mid-poll are retried, never read as an answer", async () => {
    const s = await setup();
    s.fake.fail(
      "reactions.get",
      { kind: "status", status: 500 },
      { kind: "drop" },
      { kind: "status", status: 502 },
    );
    const { outcome, message } = await ask(s);
    await waitFor(() => s.fake.callsOf("reactions.get").length >= 4, 3000, "retries");
    s.fake.react(message, "x", "UALICE01");
    expect((await outcome).decision).toBe("denied");
  });

  it("5xx until the approval's time runs out is a denial recorded with the error", async () => {
    const s = await setup();
    s.fake.fail(
      "reactions.get",
      ...Array.from({ length: 500 }, () => ({ kind: "status", status: 503 }) as const),
    );
    const { outcome, message } = await ask(s, approvalRequest(), { timeoutMs: 300 });
    s.fake.react(message, "white_check_mark", "UALICE01");
    const result = await outcome;
    expect(result.decision).not.toBe("approved");
    expect(result.reasonCode).toBe("channel_error");
    expect(result.detail).toContain("http_503");
  });

  it.each([
    ["not_in_channel", "invite the bot"],
    ["invalid_auth", "SLACK_BOT_TOKEN"],
    ["channel_not_found", "slack_channel"],
  ])("%s is a denial with the fix (invariant 3)", async (error, fix) => {
    const s = await setup();
    s.fake.fail("chat.postMessage", { kind: "error", error });
    const result = await requestApproval(s.provider, approvalRequest(), {
      signal: new AbortController().signal,
      timeoutMs: 5000,
    });
    expect(result).toMatchObject({ decision: "denied", reasonCode: "channel_error" });
    expect(result.detail).toContain(error);
    expect(result.detail).toContain(fix);
  });

  it("missing_scope while polling is a denial naming the scope, and the message says the channel failed", async () => {
    const s = await setup();
    s.fake.fail("reactions.get", {
      kind: "error",
      error: "missing_scope",
      needed: "reactions:read",
    });
    const { outcome, message } = await ask(s);
    const result = await outcome;
    expect(result).toMatchObject({ decision: "denied", reasonCode: "channel_error" });
    expect(result.detail).toContain("`reactions:read`");
    expect(lastBlockText(message)).toContain("the Slack channel failed");
  });

  it("runbook text cannot ping, link or close its code block: <!channel>, <@U…>, links and backticks arrive as text", async () => {
    const s = await setup();
    const request = approvalRequest({
      title: "<!channel> Disk & co",
      text: "Ping <!here> and <@UALICE01>, see <https://evil.example|the docs>",
      script: "echo ok\n```\n<!channel> *bold*\n````` & done",
    });
    const { outcome, message } = await ask(s, request);
    const wire = s.fake.callsOf("chat.postMessage")[0];
    // Everything but the last block (which mentions the configured approvers on purpose).
    const blocks = JSON.parse(wire?.params["blocks"] ?? "[]") as unknown[];
    const posted = `${wire?.params["text"] ?? ""}${JSON.stringify(blocks.slice(0, -1))}`;
    for (const live of ["<!channel>", "<!here>", "<@UALICE01>", "<https://evil"])
      expect(posted).not.toContain(live);
    expect(posted).toContain("&lt;!channel&gt;");
    expect(posted).toContain("&lt;https://evil.example|the docs&gt;");
    const scriptBlock = message.blocks
      .map((block) => JSON.stringify(block))
      .find((block) => block.includes("Script 1 of 1"));
    const text = /"text":"((?:[^"\\]|\\.)*)"/.exec(scriptBlock ?? "")?.[1] ?? "";
    const body = JSON.parse(`"${text}"`) as string;
    // Exactly one opening and one closing fence: nothing inside can end the block.
    expect(body.match(/```/g)).toHaveLength(2);
    expect(body.endsWith("\n```")).toBe(true);
    expect(body).toContain("&amp; done");
    expect(JSON.stringify(message.blocks)).toContain("invisible separators");
    s.fake.react(message, "x", "UALICE01");
    await outcome;
  });

  it("a script over Slack's 3,000-character block limit is cut with a note saying how much and where to read it", async () => {
    const s = await setup();
    const script = Array.from({ length: 200 }, (_, i) => `echo line-${i} <&>`).join("\n");
    const { outcome, message } = await ask(s, approvalRequest({ script }));
    for (const block of message.blocks) {
      const text = JSON.stringify(block).length;
      expect(text).toBeLessThan(3300);
    }
    const all = JSON.stringify(message.blocks);
    expect(all).toMatch(
      new RegExp(`Cut: \\d+ of ${script.length} characters shown \\(\\d+ cut\\)`),
    );
    expect(all).toContain("runbooks/disk-full.md (step 3)");
    s.fake.react(message, "x", "UALICE01");
    await outcome;
  });

  it("withdrawn because another channel answered first: the message says where and by whom", async () => {
    const s = await setup();
    const controller = new AbortController();
    const { outcome, message } = await ask(s, approvalRequest(), { signal: controller.signal });
    const winner: ApprovalOutcome = {
      decision: "approved",
      approver: "alice",
      channel: "terminal",
      stepHash: HASH,
      at: new Date().toISOString(),
      reasonCode: "approved",
    };
    controller.abort(new ApprovalWithdrawnError(winner));
    await expect(outcome).rejects.toBeInstanceOf(ApprovalWithdrawnError);
    await waitFor(() => message.history.length === 1, 3000, "the update");
    expect(lastBlockText(message)).toContain("*Withdrawn*: approved in the terminal by alice");
  });

  it("withdrawn while its post is still in flight: the request is still updated, never left asking", async () => {
    const s = await setup();
    s.fake.fail("chat.postMessage", { kind: "delay", ms: 300 });
    const controller = new AbortController();
    const pending = requestApproval(s.provider, approvalRequest(), {
      signal: controller.signal,
      timeoutMs: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort(
      new ApprovalWithdrawnError({
        decision: "denied",
        approver: "bob",
        channel: "terminal",
        stepHash: HASH,
        at: new Date().toISOString(),
        reasonCode: "answered_no",
      }),
    );
    await expect(pending).rejects.toBeInstanceOf(ApprovalWithdrawnError);
    await waitFor(() => s.fake.topLevel()[0]?.history.length === 1, 3000, "the update");
    expect(lastBlockText(s.fake.topLevel()[0] as FakeSlackMessage)).toContain(
      "denied in the terminal by bob",
    );
  });
});
