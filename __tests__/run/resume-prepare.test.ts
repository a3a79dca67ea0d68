import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditWriter } from "../../src/audit/writer.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import type { PlannedStep } from "../../src/plan/plan.js";
import { prepareRun, type PrepareInput } from "../../src/app/prepare-run.js";
import { runStartPayload } from "./fakes.js";

const RUNBOOK = `# Resume

1. One.

   \`\`\`bash
   echo one
   \`\`\`

2. Two.

   \`\`\`bash
   echo two
   \`\`\`

3. Three.

   \`\`\`bash
   echo three
   \`\`\`

4. Four.

   \`\`\`bash
   echo four
   \`\`\`

5. Five.

   \`\`\`bash
   echo five
   \`\`\`

6. Six.

   \`\`\`bash
   echo six
   \`\`\`
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "resume-prepare-"));
  writeFileSync(path.join(dir, "rb.md"), RUNBOOK);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function input(resume: string | undefined): PrepareInput {
  return {
    file: "rb.md",
    cwd: dir,
    env: {},
    config: { ...DEFAULT_CONFIG, noLlm: true },
    fromStep: 1,
    resume,
    vars: {},
    riskModel: undefined,
  };
}

/** Writes an old run in which only steps 1 and 4 completed, and step 6 never started. */
function writeOldRun(steps: readonly PlannedStep[]): string {
  const writer = AuditWriter.open({
    dir: path.join(dir, "logs"),
    redact: (text) => text,
    runStart: runStartPayload({
      runbook: { path: "rb.md", sha256: "0".repeat(64), title: "Resume" },
      stepCount: steps.length,
    }),
  });
  const ref = (index: number): { step: number; stepHash: string } => ({
    step: index,
    stepHash: steps[index - 1]?.stepHash ?? "",
  });
  const result = (index: number, status: "succeeded" | "failed"): void => {
    writer.append("step_start", ref(index));
    writer.append("step_result", {
      ...ref(index),
      status,
      exitCode: status === "succeeded" ? 0 : 1,
      signal: null,
      timedOut: false,
      durationMs: 1,
      output: { head: "", tail: "", stdoutBytes: 0, stderrBytes: 0, truncated: false },
    });
  };
  const approval = (index: number, decision: "approved" | "denied" | "timed_out"): void => {
    writer.append("approval", {
      ...ref(index),
      decision,
      channel: "terminal",
      approver: "bob",
      detail: null,
    });
  };
  approval(1, "approved");
  result(1, "succeeded");
  approval(2, "denied");
  writer.append("step_skipped", { ...ref(2), reason: "denied", detail: null });
  approval(3, "timed_out");
  writer.append("step_skipped", { ...ref(3), reason: "operator", detail: "denied" });
  approval(4, "approved");
  result(4, "succeeded");
  approval(5, "approved");
  result(5, "failed");
  writer.append("decision", {
    afterStep: 5,
    action: "skip_forward",
    toStep: null,
    skipSteps: [6],
    source: "llm",
    rationale: "skip",
  });
  writer.append("step_skipped", { ...ref(6), reason: "decision", detail: null });
  writer.end({
    status: "failed",
    counts: { steps: 6, succeeded: 2, failed: 1, skipped: 3, denied: 2 },
    durationMs: 10,
    exitCode: 1,
    signal: null,
  });
  return path.relative(dir, writer.path);
}

describe("prepareRun --resume", () => {
  it("marks only the steps that completed as already_done: denied, timed-out, failed and skipped steps run again", async () => {
    const fresh = await prepareRun(input(undefined));
    const log = writeOldRun(fresh.steps);
    expect(readdirSync(path.join(dir, "logs"))).toHaveLength(1);
    const resumed = await prepareRun(input(log));
    expect(resumed.steps.map((planned) => [planned.step.index, planned.disposition])).toEqual([
      [1, "already_done"],
      [2, "run"],
      [3, "run"],
      [4, "already_done"],
      [5, "run"],
      [6, "run"],
    ]);
    expect(resumed.resume?.info.completed.map((done) => done.step)).toEqual([1, 4]);
  });
});
