import { describe, expect, it } from "vitest";
import { actionOutputs, failsOn } from "../../../src/faces/action/outputs.js";
import { computeTotals } from "../../../src/app/totals.js";
import { RunbookExecError } from "../../../src/core/errors.js";
import { loadReport } from "./report-fixture.js";

describe("computeTotals", () => {
  it("counts runbooks, steps, findings, the highest risk and gated steps", () => {
    expect(computeTotals(loadReport("two-runbooks"), [])).toEqual({
      runbooks: 2,
      steps: 2,
      errors: 1,
      warnings: 1,
      notices: 1,
      maxRisk: "modifying",
      needsApproval: 1,
    });
  });

  it("counts an unreadable file as a runbook with an error", () => {
    const unreadable = [new RunbookExecError("INPUT_NOT_FOUND", "gone", { file: "x.md" })];
    const totals = computeTotals({ schemaVersion: 1, runbooks: [] }, unreadable);
    expect(totals).toMatchObject({ runbooks: 1, errors: 1, steps: 0, maxRisk: undefined });
  });
});

describe("actionOutputs", () => {
  it("stringifies every output, `none` without steps and `` without SARIF", () => {
    const totals = computeTotals({ schemaVersion: 1, runbooks: [] }, []);
    expect(actionOutputs(totals, undefined)).toEqual({
      runbooks: "0",
      steps: "0",
      errors: "0",
      warnings: "0",
      "max-risk": "none",
      "needs-approval": "0",
      "sarif-file": "",
    });
    const full = computeTotals(loadReport("hostile"), []);
    expect(actionOutputs(full, "/ws/out.sarif")).toMatchObject({
      "max-risk": "destructive",
      "needs-approval": "1",
      "sarif-file": "/ws/out.sarif",
    });
  });
});

describe("failsOn", () => {
  const base = computeTotals({ schemaVersion: 1, runbooks: [] }, []);
  it.each([
    ["error", { ...base, errors: 1 }, true],
    ["error", { ...base, warnings: 3 }, false],
    ["warning", { ...base, warnings: 1 }, true],
    ["warning", { ...base, notices: 5 }, false],
    ["never", { ...base, errors: 9 }, false],
  ] as const)("fail-on %s with %o → %s", (failOn, totals, expected) => {
    expect(failsOn(totals, failOn)).toBe(expected);
  });
});
