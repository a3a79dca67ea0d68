import { describe, expect, it } from "vitest";
import { stepHash } from "../../src/plan/step-hash.js";
import type { AssessedStep } from "../../src/risk/assess.js";
import { formatPlan } from "../../src/present/plan-text.js";
import { planSteps } from "../../src/plan/plan.js";
import { bash, planned } from "../run/fakes.js";

function assessed(
  index: number,
  scripts: readonly string[],
  timeoutSeconds?: number,
): AssessedStep {
  const base = planned(index, { scripts }).step;
  return {
    step: { ...base, timeoutSeconds },
    rules: { risk: "read_only", floor: "read_only", reasons: [] },
    risk: "modifying",
    riskSource: "rules",
    reasons: [{ ruleId: "r", message: "m" }],
    needsApproval: true,
  };
}

describe("planSteps", () => {
  it("binds each step to the hash of its exact scripts and resolves its timeout", () => {
    const [first, second] = planSteps([assessed(1, ["echo a"]), assessed(2, ["echo b"], 7)], {
      timeoutSeconds: 300,
      fromStep: 1,
      alreadyDone: new Set(),
    });
    expect(first).toMatchObject({
      stepHash: stepHash([bash("echo a")]),
      timeoutSeconds: 300,
      disposition: "run",
    });
    expect(second).toMatchObject({ timeoutSeconds: 7, needsApproval: true, risk: "modifying" });
  });

  it("marks steps already done, before --from-step, and without commands", () => {
    const steps = planSteps(
      [assessed(1, ["a"]), assessed(2, ["b"]), assessed(3, []), assessed(4, ["d"])],
      {
        timeoutSeconds: 1,
        fromStep: 3,
        alreadyDone: new Set([1]),
      },
    );
    expect(steps.map((step) => step.disposition)).toEqual([
      "already_done",
      "not_selected",
      "no_command",
      "run",
    ]);
  });
});

describe("formatPlan", () => {
  it("shows every script exactly as it runs, with control characters made visible", () => {
    const text = formatPlan({
      title: "T",
      path: "rb.md",
      steps: [
        planned(1, {
          scripts: ["echo \u001b[2Jhidden\rover"],
          needsApproval: true,
          risk: "destructive",
        }),
      ],
      parameters: { NS: "prod" },
      autoApproveLevel: "read_only",
    });
    expect(text).toContain("NS=prod");
    expect(text).toContain("Risk:    destructive (from rules); needs approval");
    expect(text).toContain("echo <ESC>[2Jhidden<CR>over");
    expect(text).not.toContain("\u001b");
  });
});
