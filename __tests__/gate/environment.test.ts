import { describe, expect, it } from "vitest";
import { EnvironmentApprovalProvider, type EnvironmentGrant } from "../../src/gate/environment.js";
import { requestApproval } from "../../src/gate/request.js";
import type { ApprovalRequest } from "../../src/gate/types.js";
import type { RiskLevel } from "../../src/core/risk.js";
import { approvalRequest, HASH } from "./helpers.js";

function request(risk: RiskLevel, stepHash = HASH): ApprovalRequest {
  return { ...approvalRequest({ risk }), stepHash };
}

const REVIEWER = { login: "alice", id: 5, comment: "ok", observedAt: "2026-12-07T00:00:00Z" };
const GRANT: EnvironmentGrant = {
  environment: "ops",
  level: "modifying",
  reviewers: [REVIEWER],
  planStepHashes: new Set([HASH]),
};
const options = { signal: new AbortController().signal, timeoutMs: 1000 };

async function ask(grant: EnvironmentGrant, req: ApprovalRequest) {
  return requestApproval(new EnvironmentApprovalProvider(grant), req, options);
}

describe("EnvironmentApprovalProvider", () => {
  it("approves a step of the approved plan up to environment-level, naming the reviewers", async () => {
    const outcome = await ask(GRANT, request("modifying"));
    expect(outcome).toMatchObject({
      decision: "approved",
      approver: "alice",
      channel: "github_environment",
    });
  });

  it.each([
    ["no reviewers", { ...GRANT, reviewers: [] }, request("modifying")],
    ["no plan hash", { ...GRANT, planStepHashes: undefined }, request("modifying")],
    ["above the level", GRANT, request("destructive")],
    ["a step outside the plan", GRANT, request("modifying", "b".repeat(64))],
  ] as const)("denies with %s", async (_, grant, req) => {
    const outcome = await ask(grant, req);
    expect(outcome.decision).toBe("denied");
    expect(outcome.approver).toBeUndefined();
  });
});
