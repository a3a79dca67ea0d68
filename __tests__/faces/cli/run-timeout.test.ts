import { describe, expect, it } from "vitest";
import { baseEnv, ofType, onlyLog, onPty, runbook, workDir } from "./run-harness.js";

describe("run: nobody answers at the terminal", () => {
  it("the prompts show the time left; the approval and the question after it time out, and the run says nobody answered, never that the operator aborted", async () => {
    const cwd = workDir();
    const { output } = await onPty(
      ["run", runbook("approval.md"), "--no-llm", "--audit-log-dir", "logs"],
      { cwd, env: baseEnv({ RUNBOOK_EXEC_APPROVAL_TIMEOUT_SECONDS: "2" }) },
    );
    expect(output).toContain("EXIT 1");
    expect(output).toMatch(/Run this step\? \[y\/N\] \(2s left\)/);
    expect(output).toContain(
      "Nobody answered within 2.0s: step 2 is not approved, so it does not run (timed out, counted as denied).",
    );
    expect(output).toMatch(/\[c\]ontinue, \[s\]kip or \[a\]bort\? \[a\] \(2s left\)/);
    expect(output).toContain(
      "Nobody answered within 2.0s: the run stops here and no later step runs.",
    );
    const log = onlyLog(cwd);
    expect(ofType(log, "approval")[1]).toMatchObject({ step: 2, decision: "timed_out" });
    expect(ofType(log, "operator_choice")[0]).toMatchObject({
      step: 2,
      choice: "abort",
      how: "timeout",
      by: null,
    });
    const skipped = String(ofType(log, "step_skipped")[0]?.["detail"]);
    expect(skipped).toContain("nobody answered within 2.0s");
    expect(skipped).toContain("nobody answered what to do next within 2.0s");
    expect(skipped).not.toContain("operator aborted");
  }, 60_000);
});
