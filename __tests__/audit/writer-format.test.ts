import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson, recordHash, recordLine } from "../../src/audit/hash.js";
import type { JsonValue, OperatorChoicePayload } from "../../src/audit/records.js";
import { verifyAuditText } from "../../src/audit/verify.js";
import { AuditWriter } from "../../src/audit/writer.js";
import { RunbookExecError } from "../../src/core/errors.js";
import { replayCommand } from "../../src/faces/cli/commands/replay.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { SAMPLE_RUN_START } from "../fixtures/audit/sample-run.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-format-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const HASH = "4".repeat(64);

function open(): AuditWriter {
  return AuditWriter.open({ dir, redact: createRedactor({ env: {} }), runStart: SAMPLE_RUN_START });
}

describe("the writer writes only what the reader accepts", () => {
  it("refuses a payload with a field the format does not have (a port's answer spread into it)", () => {
    const writer = open();
    // TypeScript lets a wider object through where it is not a fresh literal.
    const answer = { choice: "abort", how: "answered", by: "bob", messageTs: "1.2" } as const;
    const payload: OperatorChoicePayload = {
      step: 1,
      stepHash: HASH,
      problem: "failed",
      detail: "exit 1",
      channel: "slack",
      ...answer,
    };
    expect(() => writer.append("operator_choice", payload)).toThrow(RunbookExecError);
    expect(() => writer.append("operator_choice", payload)).toThrow(
      /refusing to write this `operator_choice` record: the log format does not allow it \(`messageTs` is not a field the format has here\)/,
    );
    // Nothing of it reached the file; the log goes on and verifies.
    writer.end({
      status: "aborted",
      counts: { steps: 1, succeeded: 0, failed: 1, skipped: 0, denied: 0 },
      durationMs: 5,
      exitCode: 1,
      signal: null,
    });
    const result = verifyAuditText(readFileSync(writer.path, "utf8"));
    expect(result.status).toBe("intact");
    expect(result.records.map((entry) => entry.record.type)).toEqual(["run_start", "run_end"]);
  });

  it("refuses a value of the wrong kind that a cast let through", () => {
    const writer = open();
    const exitCode = "0" as unknown as number;
    expect(() =>
      writer.append("step_result", {
        step: 1,
        stepHash: HASH,
        status: "succeeded",
        exitCode,
        signal: null,
        timedOut: false,
        durationMs: 1,
        output: { head: "", tail: "", stdoutBytes: 0, stderrBytes: 0, truncated: false },
      }),
    ).toThrow(/`exitCode` is the string "0"; expected a whole number or null/);
  });
});

describe("the writer refuses a run_start nested deeper than the reader reads", () => {
  it("a configuration 40 levels deep: refused before the file holds anything", () => {
    let config: JsonValue = "deep";
    for (let level = 0; level < 40; level++) config = { level: config };
    expect(() =>
      AuditWriter.open({
        dir,
        redact: createRedactor({ env: {} }),
        runStart: { ...SAMPLE_RUN_START, config },
      }),
    ).toThrow(/refusing to write this `run_start` record: .*nested more than 32 levels deep/);
  });
});

describe("the format's own words are never redacted into something the format refuses", () => {
  it("a secret that equals or sits inside an enum value leaves that field whole, and is redacted everywhere else", () => {
    const writer = AuditWriter.open({
      dir,
      redact: createRedactor({ env: { DEPLOY_TOKEN: "github", OTHER_SECRET: "already" } }),
      runStart: SAMPLE_RUN_START,
    });
    writer.append("approval", {
      step: 1,
      stepHash: HASH,
      decision: "approved",
      channel: "github_comment",
      approver: "octo",
      detail: "approved on github by octo",
      withdrawn: ["github_environment"],
    });
    writer.append("step_skipped", {
      step: 1,
      stepHash: HASH,
      reason: "already_done",
      detail: "already done",
    });
    const result = verifyAuditText(readFileSync(writer.path, "utf8"));
    expect(result.status).toBe("incomplete");
    expect(result.broken).toBeUndefined();
    expect(result.records[1]?.record).toMatchObject({
      channel: "github_comment",
      withdrawn: ["github_environment"],
      detail: "approved on *** by octo",
    });
    expect(result.records[2]?.record).toMatchObject({ reason: "already_done", detail: "*** done" });
  });
});

describe("replay of a log with a malformed record", () => {
  /** A sample log whose line 2 is a step_start with a field it cannot have, rightly hashed. */
  function malformedLog(): string {
    const writer = open();
    writer.append("step_start", { step: 1, stepHash: HASH });
    const lines = readFileSync(writer.path, "utf8").trimEnd().split("\n");
    const first = JSON.parse(lines[0] ?? "{}") as { hash: string; runId: string };
    const body = {
      v: 1,
      seq: 2,
      ts: "2026-12-07T05:00:00.000Z",
      runId: first.runId,
      type: "step_start",
      step: "1",
      stepHash: HASH,
      prev: first.hash,
    };
    const file = path.join(dir, "malformed.ndjson");
    writeFileSync(
      file,
      `${lines[0]}\n${recordLine(canonicalJson(body), recordHash(body), undefined)}\n`,
    );
    return file;
  }

  async function replay(json: boolean): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await replayCommand({
      options: { json, logs: [malformedLog()] },
      cwd: dir,
      env: {},
      stdout: { write: (chunk: string) => (out += chunk) },
      stderr: { write: (chunk: string) => (err += chunk) },
    });
    return { code, out, err };
  }

  it("text: exit 1, the break at its line with the field and what was expected, no stack trace", async () => {
    const { code, out, err } = await replay(false);
    expect(code).toBe(1);
    expect(out).toMatch(
      /✗ BROKEN at line 2 \(seq 2\): bad record: line 2 is not a valid `step_start` record at byte \d+: `step` is the string "1"; expected a whole number ≥ 1/,
    );
    expect(out).toContain("✗ TAMPERED: first broken record at line 2 (seq 2): bad_record");
    expect(`${out}${err}`).not.toMatch(/\n\s+at /);
  });

  it("--json: the break with its byte offset", async () => {
    const { code, out } = await replay(true);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { broken: { byteOffset: number; reason: string } };
    expect(report.broken.reason).toBe("bad_record");
    const bytes = readFileSync(path.join(dir, "malformed.ndjson"));
    expect(bytes.subarray(report.broken.byteOffset).toString("utf8").startsWith('"1"')).toBe(true);
  });
});
