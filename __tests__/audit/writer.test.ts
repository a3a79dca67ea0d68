import type * as FsModule from "node:fs";
import * as fs from "node:fs";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyAuditText } from "../../src/audit/verify.js";
import { EXCERPT_MAX_CHARS } from "../../src/audit/scrub.js";
import { AuditWriter, type AuditWriterOptions } from "../../src/audit/writer.js";
import { RunbookExecError } from "../../src/core/errors.js";
import { createRedactor } from "../../src/redact/redactor.js";
import {
  FIXTURE_GITHUB_TOKEN,
  FIXTURE_TOKEN,
  writeSampleRun,
} from "../fixtures/audit/sample-run.js";

vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof FsModule>();
  return { ...actual, fsyncSync: vi.fn(actual.fsyncSync) };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "audit-writer-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<AuditWriterOptions> = {}): AuditWriterOptions {
  return {
    dir: path.join(dir, "nested", "logs"),
    redact: createRedactor({ env: { DEPLOY_TOKEN: FIXTURE_TOKEN } }),
    clock: () => new Date("2026-11-24T05:50:13.120Z"),
    runStart: {
      toolVersion: "0.1.0",
      runbook: { path: "ops/disk-full.md", sha256: "9".repeat(64), title: "Disk full" },
      incidentId: null,
      host: "web-1",
      user: "alice",
      mode: "live",
      config: { note: `token ${FIXTURE_TOKEN}` },
      ci: null,
      previousLog: null,
      stepCount: 3,
    },
    ...overrides,
  };
}

const HEX = "3".repeat(64);

describe("AuditWriter", () => {
  it("writes a run that verifies intact, in a directory it creates, named by the runbook stem", () => {
    const writer = AuditWriter.open(options());
    writeSampleRun(writer);
    expect(path.basename(writer.path)).toMatch(/^disk-full-20261124T055013Z-[0-9a-f]{4}\.ndjson$/);
    expect(path.dirname(writer.path)).toBe(path.join(dir, "nested", "logs"));
    const text = readFileSync(writer.path, "utf8");
    const result = verifyAuditText(text);
    expect(result.status).toBe("intact");
    expect(result.records).toHaveLength(14);
    expect(result.head).toEqual(writer.head());
    expect(result.records.map((entry) => entry.record.seq)).toEqual(
      [...Array(14).keys()].map((i) => i + 1),
    );
    expect(text.endsWith("\n")).toBe(true);
    expect(statSync(writer.path).mode & 0o777).toBe(0o600);
  });

  it("never lets a secret reach the file, in output or in the run_start config", () => {
    const writer = AuditWriter.open(options());
    writeSampleRun(writer);
    const text = readFileSync(writer.path, "utf8");
    expect(text).not.toContain(FIXTURE_TOKEN);
    expect(text).not.toContain(FIXTURE_GITHUB_TOKEN);
    expect(text).toContain("using token ***");
    expect(text).toContain('"note":"token ***"');
  });

  it("keeps digests intact even when a secret value occurs inside them", () => {
    const writer = AuditWriter.open(
      options({ redact: createRedactor({ env: { A_TOKEN: "333333" } }) }),
    );
    writer.append("step_start", { step: 1, stepHash: HEX });
    writer.append("step_skipped", { step: 1, stepHash: HEX, reason: "dry_run", detail: "333333" });
    const records = verifyAuditText(readFileSync(writer.path, "utf8")).records;
    expect(records[1]?.record["stepHash"]).toBe(HEX);
    expect(records[2]?.record["detail"]).toBe("***");
  });

  it("fsyncs after every record", async () => {
    // The writer and node:fs loaded afresh, under this file's mock: test files share their
    // worker's modules, and a writer another file loaded first holds the real fsyncSync.
    vi.resetModules();
    const fsync = vi.mocked((await import("node:fs")).fsyncSync);
    const { AuditWriter: FreshWriter } = await import("../../src/audit/writer.js");
    const writer = FreshWriter.open(options());
    const afterOpen = fsync.mock.calls.length;
    writer.append("step_start", { step: 1, stepHash: HEX });
    writer.append("step_start", { step: 2, stepHash: HEX });
    expect(fsync.mock.calls.length).toBe(afterOpen + 2);
  });

  it("creates the file exclusively and picks another suffix when the name is taken", () => {
    const logs = path.join(dir, "nested", "logs");
    fs.mkdirSync(logs, { recursive: true });
    const taken = path.join(logs, "disk-full-20261124T055013Z-aaaa.ndjson");
    writeFileSync(taken, "someone else's log\n");
    const suffixes = ["aaaa", "bbbb"];
    const writer = AuditWriter.open(options({ randomSuffix: () => suffixes.shift() ?? "cccc" }));
    expect(path.basename(writer.path)).toBe("disk-full-20261124T055013Z-bbbb.ndjson");
    expect(readFileSync(taken, "utf8")).toBe("someone else's log\n");
  });

  it("fails with a clear error when no free name is found", () => {
    const logs = path.join(dir, "nested", "logs");
    fs.mkdirSync(logs, { recursive: true });
    writeFileSync(path.join(logs, "disk-full-20261124T055013Z-aaaa.ndjson"), "");
    const attempt = (): AuditWriter => AuditWriter.open(options({ randomSuffix: () => "aaaa" }));
    expect(attempt).toThrow(RunbookExecError);
    expect(attempt).toThrow(/cannot create a new audit log file/);
  });

  it("names the file after a sanitised incident id", () => {
    const base = options();
    const writer = AuditWriter.open({
      ...base,
      runStart: { ...base.runStart, incidentId: "../INC 7/\u0007" },
    });
    expect(path.basename(writer.path)).toMatch(/^INC-7-20261124T055013Z-[0-9a-f]{4}\.ndjson$/);
    expect(path.dirname(writer.path)).toBe(path.join(dir, "nested", "logs"));
  });

  it("adds a mac to every record when a key is set", () => {
    const writer = AuditWriter.open(options({ key: "k" }));
    writer.append("step_start", { step: 1, stepHash: HEX });
    const result = verifyAuditText(readFileSync(writer.path, "utf8"), { key: "k" });
    expect(result.records.every((entry) => typeof entry.record.mac === "string")).toBe(true);
    expect(result.status).toBe("incomplete");
    expect(result.broken).toBeUndefined();
  });

  it("redacts output before capping it, so a token cut by the cap leaves no prefix behind", () => {
    const writer = AuditWriter.open(options());
    const head = `${"x".repeat(EXCERPT_MAX_CHARS - 10)} ${FIXTURE_GITHUB_TOKEN} ${"y".repeat(100)}`;
    const tail = `${"z".repeat(100)} ${FIXTURE_GITHUB_TOKEN} ${"w".repeat(EXCERPT_MAX_CHARS - 10)}`;
    writer.append("step_result", {
      step: 1,
      stepHash: HEX,
      status: "succeeded",
      exitCode: 0,
      signal: null,
      timedOut: false,
      durationMs: 1,
      output: { head, tail, stdoutBytes: 9000, stderrBytes: 0, truncated: false },
    });
    const text = readFileSync(writer.path, "utf8");
    expect(text).not.toContain("ghp_");
    const output = verifyAuditText(text).records[1]?.record["output"] as {
      head: string;
      tail: string;
      truncated: boolean;
    };
    // Redacted first (the token shrinks to `***`), then cut to the cap.
    expect(output.head).toBe(`${"x".repeat(EXCERPT_MAX_CHARS - 10)} *** yyyyy`);
    expect(output.tail).toBe(`zzzzz *** ${"w".repeat(EXCERPT_MAX_CHARS - 10)}`);
    expect(output.truncated).toBe(true);
  });

  it("writes text with lone surrogates as well-formed JSON that still verifies", () => {
    const writer = AuditWriter.open(options());
    writer.append("step_skipped", {
      step: 1,
      stepHash: HEX,
      reason: "denied",
      detail: "bad \ud800 half",
    });
    const result = verifyAuditText(readFileSync(writer.path, "utf8"));
    expect(result.broken).toBeUndefined();
    expect(result.records[1]?.record["detail"]).toBe("bad \ufffd half");
  });

  it.runIf(process.platform === "linux")("closes the file when run_start cannot be written", () => {
    const base = options();
    const openFds = (): number => fs.readdirSync("/proc/self/fd").length;
    const before = openFds();
    // A BigInt has no JSON form, so hashing run_start fails after the file was created.
    const config = { huge: 10n } as unknown as AuditWriterOptions["runStart"]["config"];
    expect(() => AuditWriter.open({ ...base, runStart: { ...base.runStart, config } })).toThrow(
      TypeError,
    );
    const logs = path.join(dir, "nested", "logs");
    const files = fs.readdirSync(logs);
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(logs, files[0] ?? ""), "utf8")).toBe("");
    expect(openFds()).toBe(before);
  });

  it("refuses to append after run_end", () => {
    const writer = AuditWriter.open(options());
    writer.end({
      status: "succeeded",
      counts: { steps: 0, succeeded: 0, failed: 0, skipped: 0, denied: 0 },
      durationMs: 1,
      exitCode: 0,
      signal: null,
    });
    expect(() => writer.append("step_start", { step: 1, stepHash: HEX })).toThrow(
      /log already ended/,
    );
    expect(verifyAuditText(readFileSync(writer.path, "utf8")).status).toBe("intact");
  });
});
