import { describe, expect, it } from "vitest";
import { jobLogView } from "../../../src/present/action/job-log-view.js";
import type { PlannedStep } from "../../../src/plan/plan.js";
import { createRedactor } from "../../../src/redact/redactor.js";

const TOKEN = "f".repeat(32);

function planned(text: string): PlannedStep {
  return {
    step: { index: 1, text, name: undefined } as unknown as PlannedStep["step"],
    stepHash: "a".repeat(64),
    risk: "read_only",
    riskSource: "rules",
    reasons: [],
    needsApproval: false,
    timeoutSeconds: 60,
    disposition: "run",
    parameters: [],
  };
}

function view() {
  let log = "";
  const ends: string[] = [];
  const v = jobLogView(
    (text) => (log += text),
    createRedactor({ env: {}, extraSecrets: ["s3cr3t-value"] }),
    TOKEN,
    (step, outcome) => ends.push(`${step.step.index} ${outcome}`),
  );
  return { v, log: () => log, ends };
}

describe("jobLogView", () => {
  it("fences step output, even without a final newline, and resumes commands after it", () => {
    const { v, log, ends } = view();
    const step = planned("Look");
    v.stepStarted(step, 1);
    v.output(Buffer.from("::error::x\n::stop-commands::guess\npartial s3cr3t-value"), "stdout");
    v.stepFinished(step, "succeeded", { durationMs: 10, detail: "" });
    const lines = log().split("\n");
    const stop = lines.indexOf(`::stop-commands::${TOKEN}`);
    const resume = lines.indexOf(`::${TOKEN}::`);
    expect(stop).toBeGreaterThan(-1);
    expect(lines.slice(stop + 1, resume)).toEqual([
      "::error::x",
      "::stop-commands::guess",
      "partial ***",
    ]);
    expect(ends).toEqual(["1 succeeded"]);
  });

  it("never writes a tool line that starts with :: or spans lines", () => {
    const { v, log } = view();
    v.notice("::warning::from a runbook\n::error::second line");
    expect(log()).toBe(" ::warning::from a runbook ::error::second line\n");
  });
});
