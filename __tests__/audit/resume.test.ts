import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readResumeInfo } from "../../src/audit/resume.js";
import { RunbookExecError } from "../../src/core/errors.js";
import { FIXTURE_KEY } from "../fixtures/audit/sample-run.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "audit");
const fixture = (name: string): string => path.join(fixtures, name);

describe("readResumeInfo", () => {
  it("lists the completed steps with their hashes and links to the old log's head", async () => {
    const info = await readResumeInfo(fixture("intact.ndjson"));
    expect(info.completed).toEqual([
      { step: 1, stepHash: "1".repeat(64), outcome: "succeeded" },
      { step: 2, stepHash: "2".repeat(64), outcome: "succeeded" },
    ]);
    expect(info.link).toEqual({
      path: fixture("intact.ndjson"),
      runId: "3f2c9b1e-5a7d-4c1e-9b0a-2d6f8e4a1c70",
      head: { seq: 14, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown as string },
    });
    expect(info.runbook).toEqual({ path: "examples/disk-full.md", sha256: "9".repeat(64) });
    expect(info.crashed).toBe(false);
    expect(info.interrupted).toEqual([]);
  });

  it("resumes from a crashed run's log, up to its last verified record", async () => {
    const info = await readResumeInfo(fixture("torn-last-line.ndjson"));
    expect(info.crashed).toBe(true);
    expect(info.link.head.seq).toBe(9);
    expect(info.completed.map((entry) => entry.step)).toEqual([1, 2]);
  });

  it("verifies macs when given the key", async () => {
    await expect(
      readResumeInfo(fixture("keyed.ndjson"), { key: FIXTURE_KEY }),
    ).resolves.toMatchObject({
      completed: [{ step: 1 }, { step: 2 }],
    });
    await expect(readResumeInfo(fixture("keyed.ndjson"), { key: "wrong" })).rejects.toThrow(
      /line 1/,
    );
  });

  it("refuses a tampered log, naming the line", async () => {
    const attempt = readResumeInfo(fixture("edited-field.ndjson"));
    await expect(attempt).rejects.toBeInstanceOf(RunbookExecError);
    await expect(attempt).rejects.toMatchObject({ code: "AUDIT_LOG_BROKEN", line: 7 });
  });
});
