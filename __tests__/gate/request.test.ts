import { describe, expect, it } from "vitest";
import { ApprovalInterruptedError } from "../../src/gate/errors.js";
import { requestApproval } from "../../src/gate/request.js";
import type { ApprovalOutcome, ApprovalProvider } from "../../src/gate/types.js";
import { HASH, approvalOptions, approvalRequest } from "./helpers.js";

/** A channel that answers whatever the test says, or fails. */
function provider(answer: Partial<ApprovalOutcome> | Error): ApprovalProvider {
  return {
    channel: "slack",
    request: async (request) => {
      if (answer instanceof Error) throw answer;
      return {
        decision: "approved",
        approver: "U123",
        channel: "slack",
        stepHash: request.stepHash,
        at: new Date().toISOString(),
        reasonCode: "approved",
        ...answer,
      };
    },
  };
}

describe("requestApproval", () => {
  it("passes an approval bound to the requested hash", async () => {
    const outcome = await requestApproval(provider({}), approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({ decision: "approved", approver: "U123", stepHash: HASH });
  });

  it("denies an approval of another hash", async () => {
    const outcome = await requestApproval(
      provider({ stepHash: "b".repeat(64) }),
      approvalRequest(),
      approvalOptions(),
    );
    expect(outcome).toMatchObject({ decision: "denied", reasonCode: "hash_mismatch" });
  });

  it("denies an approval without an approver", async () => {
    const outcome = await requestApproval(
      provider({ approver: undefined }),
      approvalRequest(),
      approvalOptions(),
    );
    expect(outcome).toMatchObject({ decision: "denied", reasonCode: "unknown_approver" });
  });

  it("keeps a denial or timeout as it is", async () => {
    const outcome = await requestApproval(
      provider({ decision: "timed_out", approver: undefined, reasonCode: "timeout" }),
      approvalRequest(),
      approvalOptions(),
    );
    expect(outcome).toMatchObject({ decision: "timed_out", reasonCode: "timeout" });
  });

  it("turns a channel error into a denial that names it", async () => {
    const outcome = await requestApproval(
      provider(new Error("slack: invalid_auth")),
      approvalRequest(),
      approvalOptions(),
    );
    expect(outcome).toMatchObject({
      decision: "denied",
      approver: undefined,
      channel: "slack",
      stepHash: HASH,
      reasonCode: "channel_error",
      detail: "slack: invalid_auth",
    });
  });

  it("rethrows Ctrl-C and aborts so the run can stop", async () => {
    await expect(
      requestApproval(
        provider(new ApprovalInterruptedError(3)),
        approvalRequest(),
        approvalOptions(),
      ),
    ).rejects.toBeInstanceOf(ApprovalInterruptedError);
    const controller = new AbortController();
    controller.abort();
    await expect(
      requestApproval(provider(new Error("aborted")), approvalRequest(), {
        signal: controller.signal,
        timeoutMs: 1,
      }),
    ).rejects.toThrow("aborted");
  });
});
