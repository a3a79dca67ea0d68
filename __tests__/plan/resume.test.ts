import { describe, expect, it } from "vitest";
import type { ResumeInfo } from "../../src/audit/resume.js";
import { resumeSelection } from "../../src/plan/resume.js";

const A = "a".repeat(64);
const B = "b".repeat(64);

function info(
  completed: ResumeInfo["completed"],
  runbookPath = "/rb/x.md",
  interrupted: ResumeInfo["interrupted"] = [],
): ResumeInfo {
  return {
    link: { path: "/logs/old.ndjson", runId: "r", head: { seq: 3, hash: A } },
    runbook: { path: runbookPath, sha256: "" },
    completed,
    interrupted,
    crashed: true,
  };
}

describe("resumeSelection", () => {
  it("treats only the completed steps as done (not the ones between them) and lists changed hashes", () => {
    const selection = resumeSelection(
      info([
        { step: 1, stepHash: A, outcome: "succeeded" },
        { step: 3, stepHash: A, outcome: "succeeded" },
      ]),
      {
        path: "/rb/x.md",
        stepHashes: new Map([
          [1, A],
          [2, A],
          [3, B],
          [4, A],
        ]),
      },
      "/",
    );
    expect([...selection.alreadyDone].sort()).toEqual([1, 3]);
    expect(selection.changed).toEqual([3]);
  });

  it("refuses a log of another runbook and a runbook that lost completed steps", () => {
    expect(() =>
      resumeSelection(info([], "/rb/other.md"), { path: "/rb/x.md", stepHashes: new Map() }, "/"),
    ).toThrow("the log is a run of `/rb/other.md`");
    expect(() =>
      resumeSelection(
        info([{ step: 5, stepHash: A, outcome: "succeeded" }]),
        { path: "/rb/x.md", stepHashes: new Map([[1, A]]) },
        "/",
      ),
    ).toThrow("step 5 completed in the log but the runbook now has 1 steps");
  });

  it("lists the steps the old run left half-done, saying whether their scripts changed since", () => {
    const started = { startedAt: "2026-12-07T04:00:00.000Z", line: 9 };
    const selection = resumeSelection(
      info([{ step: 1, stepHash: A, outcome: "succeeded" }], "/rb/x.md", [
        { step: 2, stepHash: A, ...started },
        { step: 3, stepHash: A, ...started, line: 12 },
      ]),
      {
        path: "/rb/x.md",
        stepHashes: new Map([
          [1, A],
          [2, A],
          [3, B],
        ]),
      },
      "/",
    );
    expect(selection.interrupted).toEqual([
      { step: 2, stepHash: A, ...started, changed: false },
      { step: 3, stepHash: A, ...started, line: 12, changed: true },
    ]);
    expect(selection.alreadyDone.has(2)).toBe(false);
    expect(() =>
      resumeSelection(
        info([], "/rb/x.md", [{ step: 7, stepHash: A, ...started }]),
        { path: "/rb/x.md", stepHashes: new Map([[1, A]]) },
        "/",
      ),
    ).toThrow("step 7 was interrupted in the log but the runbook now has 1 steps");
  });
});
