import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderText } from "../../../src/present/replay/text.js";
import { buildTimeline } from "../../../src/present/replay/timeline.js";
import { verifyAuditText } from "../../../src/audit/verify.js";
import { AuditWriter } from "../../../src/audit/writer.js";
import { createRedactor } from "../../../src/redact/redactor.js";
import { SAMPLE_RUN_START } from "../../fixtures/audit/sample-run.js";

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const HASH = "5".repeat(64);

/** A run that decided to skip steps 3 and 5, then crashed while step 2 was running. */
function crashedRun(): string {
  dir = mkdtempSync(path.join(tmpdir(), "audit-timeline-"));
  const writer = AuditWriter.open({
    dir,
    redact: createRedactor({ env: {} }),
    runStart: {
      toolVersion: "0.1.0",
      runbook: { path: "r.md", sha256: HASH, title: "R" },
      incidentId: null,
      host: "h",
      user: "u",
      mode: "live",
      config: {},
      ci: {
        provider: "github-actions",
        repository: "o/r",
        runId: "42",
        runAttempt: "1",
        actor: "octo",
        event: "workflow_dispatch",
        workflow: "w",
        ref: "refs/heads/main",
        sha: HASH,
      },
      previousLog: { path: "old.ndjson", runId: "old-run", head: { seq: 7, hash: HASH } },
      stepCount: 5,
    },
  });
  writer.append("step_start", { step: 1, stepHash: HASH });
  writer.append("step_result", {
    step: 1,
    stepHash: HASH,
    status: "failed",
    exitCode: null,
    signal: "SIGKILL",
    timedOut: true,
    durationMs: 120_000,
    output: { head: "", tail: "waiting…\n\n", stdoutBytes: 10, stderrBytes: 0, truncated: false },
  });
  writer.append("decision", {
    afterStep: 1,
    action: "skip_forward",
    toStep: null,
    skipSteps: [3, 5],
    source: "llm",
    rationale: "nothing to clean",
  });
  writer.append("step_planned", {
    step: 2,
    stepHash: HASH,
    line: 9,
    name: null,
    section: "",
    text: "Long step.",
    risk: "modifying",
    riskSource: "annotation",
    reasons: [],
    needsApproval: true,
  });
  writer.append("step_start", { step: 2, stepHash: HASH });
  return readFileSync(writer.path, "utf8");
}

describe("buildTimeline and renderText", () => {
  it("shows a step the crash interrupted as running, and the context of the run", () => {
    const result = verifyAuditText(crashedRun());
    const timeline = buildTimeline(result);
    expect(timeline.run).toMatchObject({
      ci: { repository: "o/r", runId: "42", actor: "octo", event: "workflow_dispatch" },
      previousLog: { path: "old.ndjson", runId: "old-run", head: `7:${HASH}` },
    });
    expect(timeline.entries.map((entry) => entry.kind)).toEqual(["step", "decision", "step"]);
    expect(timeline.entries[2]).toMatchObject({
      step: 2,
      status: "started",
      risk: "modifying",
      riskSource: "annotation",
    });

    const text = renderText(result, timeline, { logPath: "x.ndjson", keyEnv: "K", color: false });
    expect(text).toContain("ci        o/r  run 42  actor octo  event workflow_dispatch");
    expect(text).toContain(`resumes   old.ndjson  run old-run  head 7:${HASH}`);
    expect(text).toMatch(/ {2}1 +- +- +- +timeout +120\.0s +waiting…\n/);
    expect(text).toContain("waiting…");
    expect(text).toContain(
      "decision after step 1: skip_forward skipping 3, 5 (llm): nothing to clean",
    );
    expect(text).toMatch(/2 Long step\. +modifying +- +- +running/);
    expect(text).toContain("… INCOMPLETE: chain intact for 6 records, but there is no run_end");
  });
});

/** Denied, retried and approved in Slack (the terminal withdrawn); then nobody answered, and the rest was skipped. */
function retriedRun(): string {
  dir = mkdtempSync(path.join(tmpdir(), "audit-timeline-"));
  const writer = AuditWriter.open({
    dir,
    redact: createRedactor({ env: {} }),
    runStart: { ...SAMPLE_RUN_START, stepCount: 3 },
  });
  for (const step of [1, 2, 3]) {
    writer.append("step_planned", {
      step,
      stepHash: HASH,
      line: step,
      name: null,
      section: "",
      text: `Step ${step}.`,
      risk: "modifying",
      riskSource: "rules",
      reasons: [],
      needsApproval: true,
    });
  }
  const ref = { step: 1, stepHash: HASH };
  writer.append("approval", {
    ...ref,
    decision: "denied",
    channel: "terminal",
    approver: "bob",
    detail: "answered_no",
  });
  writer.append("operator_choice", {
    ...ref,
    problem: "denied",
    detail: "approval denied (answered_no)",
    choice: "retry",
    how: "answered",
    channel: "terminal",
    by: "bob",
  });
  writer.append("approval", {
    ...ref,
    decision: "approved",
    channel: "slack",
    approver: "alice",
    detail: "approved",
    withdrawn: ["terminal"],
  });
  writer.append("step_start", ref);
  writer.append("step_result", {
    ...ref,
    status: "failed",
    exitCode: 2,
    signal: null,
    timedOut: false,
    durationMs: 5,
    output: { head: "boom\n", tail: "", stdoutBytes: 5, stderrBytes: 0, truncated: false },
  });
  writer.append("operator_choice", {
    ...ref,
    problem: "failed",
    detail: "exit 2",
    choice: "abort",
    how: "timeout",
    channel: "terminal",
    by: null,
  });
  for (const step of [2, 3])
    writer.append("step_skipped", { step, stepHash: HASH, reason: "aborted", detail: "x" });
  return readFileSync(writer.path, "utf8");
}

describe("buildTimeline: every decision, in the order it happened", () => {
  it("a denied, retried, approved step shows each answer and the operator's choices between them", () => {
    const text = retriedRun();
    const result = verifyAuditText(text);
    const timeline = buildTimeline(result);
    expect(timeline.entries.map((entry) => entry.kind)).toEqual([
      "step",
      "operator",
      "step",
      "operator",
      "step",
      "step",
    ]);
    expect(timeline.entries[0]).toMatchObject({ step: 1, status: "denied", decision: "denied" });
    expect(timeline.entries[2]).toMatchObject({
      step: 1,
      status: "failed",
      decision: "approved",
      channel: "slack",
      approver: "alice",
      name: "Step 1.",
      approvals: [expect.objectContaining({ decision: "approved", withdrawn: ["terminal"] })],
    });
    // Skipped steps sit where they were skipped, at that time, not when they were planned.
    const skippedAt = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; step?: number; ts: string })
      .find((record) => record.type === "step_skipped" && record.step === 2)?.ts;
    expect(timeline.entries[4]).toMatchObject({ step: 2, status: "skipped", time: skippedAt });

    const rendered = renderText(result, timeline, { logPath: "x", keyEnv: "K", color: false });
    const rows = rendered.split("\n");
    const at = (pattern: RegExp): number => rows.findIndex((row) => pattern.test(row));
    const order = [
      at(/1 Step 1\. +modifying +denied \(terminal\) +bob/),
      at(
        /operator after step 1 denied \(approval denied \(answered_no\)\): retry \(terminal, bob\)$/,
      ),
      at(/1 Step 1\. +modifying +approved \(slack\) +alice +2 .*\(terminal withdrawn\) boom/),
      at(/operator after step 1 failed \(exit 2\): abort \(terminal\): nobody answered in time$/),
      at(/2 Step 2\. .*skip/),
    ];
    expect(
      order.every((index) => index > 0),
      rendered,
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
