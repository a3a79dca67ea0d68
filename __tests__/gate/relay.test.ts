import { describe, expect, it } from "vitest";
import { CappedApprovals } from "../../src/gate/capped.js";
import { QuestionRelay, type RelayAnswer, type RelayBinding } from "../../src/gate/relay.js";
import { RelayedApprovalProvider } from "../../src/gate/relayed-approval.js";
import { requestApproval } from "../../src/gate/request.js";
import type { ApprovalOutcome, ApprovalProvider } from "../../src/gate/types.js";
import { HASH, approvalRequest } from "./helpers.js";

const OPTIONS = { signal: new AbortController().signal, timeoutMs: 60_000 };
const CLIENT = { name: "editor", version: "9" };

function ask(relay: QuestionRelay, step = 3, hash = HASH): Promise<RelayAnswer> {
  return relay.ask(
    { kind: "approval", step, stepHash: hash, message: "ok?", choices: ["approve", "deny"] },
    OPTIONS,
  );
}

function openBinding(relay: QuestionRelay): RelayBinding {
  const binding = relay.open?.binding;
  if (binding === undefined) throw new Error("no open question");
  return binding;
}

describe("QuestionRelay: an answer counts only for the open question, once", () => {
  it("takes the answer bound to the open question and closes it", async () => {
    const relay = new QuestionRelay("run-1");
    const answer = ask(relay);
    const binding = openBinding(relay);
    expect(binding).toMatchObject({ runId: "run-1", kind: "approval", step: 3, stepHash: HASH });
    expect(binding.nonce.length).toBeGreaterThanOrEqual(16);
    expect(relay.settle(binding, { kind: "chosen", choice: "approve" })).toEqual({ ok: true });
    expect(await answer).toEqual({ kind: "chosen", choice: "approve" });
    expect(relay.open).toBeUndefined();
  });

  it.each([
    ["another run", { runId: "run-2" }],
    ["another kind", { kind: "failure" as const }],
    ["another step", { step: 4 }],
    ["another step hash", { stepHash: "b".repeat(64) }],
    ["another nonce", { nonce: "x".repeat(22) }],
  ])("refuses a binding for %s and leaves the question open", async (_name, change) => {
    const relay = new QuestionRelay("run-1");
    void ask(relay);
    const binding = openBinding(relay);
    const result = relay.settle({ ...binding, ...change }, { kind: "chosen", choice: "approve" });
    expect(result).toMatchObject({ ok: false, refusal: "other_question" });
    expect(relay.open?.binding).toEqual(binding);
  });

  it("refuses a replay of a used binding, and one after the question expired", async () => {
    let now = 1_000;
    const relay = new QuestionRelay("run-1", { now: () => now });
    const first = ask(relay);
    const used = openBinding(relay);
    relay.settle(used, { kind: "chosen", choice: "deny" });
    await first;
    void ask(relay, 4, "c".repeat(64));
    expect(relay.settle(used, { kind: "chosen", choice: "approve" })).toMatchObject({
      ok: false,
      refusal: "replayed",
    });
    now += 60_001;
    expect(relay.settle(openBinding(relay), { kind: "chosen", choice: "approve" })).toMatchObject({
      ok: false,
      refusal: "expired",
    });
  });

  it("times out, and a closed connection ends the open and every later question", async () => {
    const relay = new QuestionRelay("run-1");
    const timed = relay.ask(
      { kind: "approval", step: 1, stepHash: HASH, message: "", choices: ["approve"] },
      { signal: new AbortController().signal, timeoutMs: 10 },
    );
    expect(await timed).toEqual({ kind: "timed_out" });
    const open = ask(relay);
    relay.close("gone");
    expect(await open).toEqual({ kind: "closed", detail: "gone" });
    expect(await ask(relay)).toEqual({ kind: "closed", detail: "gone" });
  });
});

describe("RelayedApprovalProvider: only `approve` approves", () => {
  it.each<[string, (relay: QuestionRelay) => void, Partial<ApprovalOutcome>]>([
    [
      "approve",
      (r) => r.settle(openBinding(r), { kind: "chosen", choice: "approve" }),
      { decision: "approved", reasonCode: "approved" },
    ],
    [
      "deny",
      (r) => r.settle(openBinding(r), { kind: "chosen", choice: "deny" }),
      { decision: "denied", reasonCode: "answered_no" },
    ],
    [
      "decline",
      (r) => r.settle(openBinding(r), { kind: "declined" }),
      { decision: "denied", reasonCode: "answered_no" },
    ],
    [
      "cancel",
      (r) => r.settle(openBinding(r), { kind: "cancelled" }),
      { decision: "denied", reasonCode: "dismissed" },
    ],
    [
      "a refused answer",
      (r) => r.refuse("forged"),
      { decision: "denied", reasonCode: "refused_answer", detail: "forged" },
    ],
    [
      "a closed connection",
      (r) => r.close("gone"),
      { decision: "denied", reasonCode: "channel_error" },
    ],
  ])("%s", async (_name, answer, expected) => {
    const relay = new QuestionRelay("run-1");
    const provider = new RelayedApprovalProvider(relay, { client: CLIENT, render: () => "ok?" });
    const pending = requestApproval(provider, approvalRequest({ risk: "modifying" }), OPTIONS);
    answer(relay);
    const outcome = await pending;
    expect(outcome).toMatchObject({ channel: "mcp", stepHash: HASH, ...expected });
    if (outcome.decision === "approved")
      expect(outcome.approver).toBe("the client's user as relayed by the client (editor 9)");
  });
});

describe("CappedApprovals: the capped channel only up to its cap", () => {
  const approving = (
    channel: ApprovalProvider["channel"],
  ): ApprovalProvider & { asked: number } => {
    const provider = {
      channel,
      asked: 0,
      request: (request: ReturnType<typeof approvalRequest>) => {
        provider.asked += 1;
        return Promise.resolve<ApprovalOutcome>({
          decision: "approved",
          approver: `someone on ${channel}`,
          channel,
          stepHash: request.stepHash,
          at: new Date().toISOString(),
          reasonCode: "approved",
        });
      },
    };
    return provider;
  };
  const explain = (_request: unknown, reason: string): string => `explained: ${reason}`;
  const route = (capped?: ApprovalProvider, uncapped?: ApprovalProvider): CappedApprovals =>
    new CappedApprovals({ capped, cap: "modifying", uncapped, explain });

  it("asks the capped channel within the cap", async () => {
    const mcp = approving("mcp");
    const capped = route(mcp);
    const outcome = await capped.request(approvalRequest({ risk: "modifying" }), OPTIONS);
    expect(outcome).toMatchObject({ decision: "approved", channel: "mcp" });
    expect(mcp.asked).toBe(1);
  });

  it("never asks the capped channel above the cap: denied, with how to approve", async () => {
    const mcp = approving("mcp");
    const capped = route(mcp);
    const outcome = await capped.request(approvalRequest({ risk: "destructive" }), OPTIONS);
    expect(outcome).toMatchObject({
      decision: "denied",
      reasonCode: "above_channel_cap",
      detail: "explained: above_cap",
    });
    expect(mcp.asked).toBe(0);
  });

  it("above the cap asks only the uncapped channel (Slack)", async () => {
    const mcp = approving("mcp");
    const slack = approving("slack");
    const capped = route(mcp, slack);
    const outcome = await capped.request(approvalRequest({ risk: "destructive" }), OPTIONS);
    expect(outcome).toMatchObject({ decision: "approved", channel: "slack" });
    expect(mcp.asked).toBe(0);
  });

  it("with no channel at all, denies with no_channel", async () => {
    const capped = route();
    const outcome = await capped.request(approvalRequest({ risk: "modifying" }), OPTIONS);
    expect(outcome).toMatchObject({
      decision: "denied",
      reasonCode: "no_channel",
      detail: "explained: no_channel",
    });
  });
});
