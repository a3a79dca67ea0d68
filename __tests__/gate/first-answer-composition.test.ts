import { describe, expect, it } from "vitest";
import { FirstAnswerProvider } from "../../src/gate/first-answer.js";
import { deniedOutcome } from "../../src/gate/request.js";
import type { ApprovalChannel } from "../../src/core/approval.js";
import type { ApprovalOutcome, ApprovalProvider, ApprovalRequest } from "../../src/gate/types.js";
import { approvalRequest } from "./helpers.js";

const REQUEST = approvalRequest({ risk: "modifying" });

/** A provider answering `outcome` after `ms`, recording whether it was withdrawn. */
function after(
  channel: ApprovalChannel,
  ms: number,
  outcome: (r: ApprovalRequest) => ApprovalOutcome,
) {
  const seen = { withdrawn: false };
  const provider: ApprovalProvider = {
    channel,
    request: (req, { signal }) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(outcome(req)), ms);
        signal.addEventListener("abort", () => {
          seen.withdrawn = true;
          clearTimeout(timer);
          reject(signal.reason);
        });
      }),
  };
  return { provider, seen };
}

const approve =
  (channel: ApprovalChannel) =>
  (req: ApprovalRequest): ApprovalOutcome => ({
    decision: "approved",
    approver: "bob",
    channel,
    stepHash: req.stepHash,
    at: new Date().toISOString(),
    reasonCode: "approved",
  });
const answerNo =
  (channel: ApprovalChannel) =>
  (req: ApprovalRequest): ApprovalOutcome => ({
    ...deniedOutcome(req, channel, "answered_no"),
    approver: "dave",
  });
const giveUp = (channel: ApprovalChannel) => (req: ApprovalRequest) =>
  deniedOutcome(req, channel, "no_channel");

const options = () => ({ signal: new AbortController().signal, timeoutMs: 5000 });

describe("FirstAnswerProvider composing the action's channels", () => {
  it("takes the first person's answer and withdraws the other channels", async () => {
    const slow = after("slack", 500, approve("slack"));
    const fast = after("github_comment", 10, answerNo("github_comment"));
    const outcome = await new FirstAnswerProvider([slow.provider, fast.provider]).request(
      REQUEST,
      options(),
    );
    expect(outcome).toMatchObject({
      decision: "denied",
      channel: "github_comment",
      approver: "dave",
    });
    expect(slow.seen.withdrawn).toBe(true);
  });

  it("lets a later channel approve when an earlier one only gave up", async () => {
    const env = after("github_environment", 1, giveUp("github_environment"));
    const comment = after("github_comment", 30, approve("github_comment"));
    const outcome = await new FirstAnswerProvider([env.provider, comment.provider]).request(
      REQUEST,
      options(),
    );
    expect(outcome).toMatchObject({ decision: "approved", channel: "github_comment" });
  });

  it("denies when no channel gets an answer", async () => {
    const a = after("github_environment", 1, giveUp("github_environment"));
    const b = after("github_comment", 5, giveUp("github_comment"));
    const outcome = await new FirstAnswerProvider([a.provider, b.provider]).request(
      REQUEST,
      options(),
    );
    expect(outcome.decision).toBe("denied");
    expect(outcome.channel).toBe("github_environment");
  });

  it("does not let an approval of another hash win", async () => {
    const wrong = after("slack", 1, (req) => ({
      ...approve("slack")(req),
      stepHash: "b".repeat(64),
    }));
    const right = after("github_comment", 30, answerNo("github_comment"));
    const outcome = await new FirstAnswerProvider([wrong.provider, right.provider]).request(
      REQUEST,
      options(),
    );
    // An answer for another hash is a decisive denial (the gate's binding, invariant 1): it ends
    // the race, so nothing approves.
    expect(outcome).toMatchObject({
      decision: "denied",
      channel: "slack",
      reasonCode: "hash_mismatch",
    });
  });
});
