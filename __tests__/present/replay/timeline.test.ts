import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderText } from "../../../src/present/replay/text.js";
import { buildTimeline } from "../../../src/present/replay/timeline.js";
import { verifyAuditText } from "../../../src/audit/verify.js";
import { AuditWriter } from "../../../src/audit/writer.js";
import { createRedactor } from "../../../src/redact/redactor.js";

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
