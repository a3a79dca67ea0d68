import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { canonicalJson, recordBody, recordHash, recordLine } from "../../src/audit/hash.js";
import { parseExpectedHead } from "../../src/audit/head.js";
import { verifyAuditText, type BreakReason } from "../../src/audit/verify.js";
import { FIXTURE_KEY } from "../fixtures/audit/sample-run.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "audit");
const read = (name: string): string => readFileSync(path.join(fixtures, name), "utf8");
const intact = read("intact.ndjson");
const lastLine = JSON.parse(intact.trimEnd().split("\n").at(-1) ?? "{}") as {
  seq: number;
  hash: string;
};

/** A record's canonical line with a freshly computed hash: what a forger without a key writes. */
function rehashed(record: Record<string, unknown>): string {
  return recordLine(canonicalJson(recordBody(record)), recordHash(record), undefined);
}

describe("verifyAuditText: intact logs", () => {
  it("accepts the untouched log as intact and complete", () => {
    const result = verifyAuditText(intact);
    expect(result.status).toBe("intact");
    expect(result.broken).toBeUndefined();
    expect(result.incomplete).toEqual([]);
    expect(result.records).toHaveLength(14);
    expect(result.records.every((entry) => entry.verified)).toBe(true);
    expect(result.head).toEqual({ seq: 14, hash: lastLine.hash });
    expect(result.runId).toBe("3f2c9b1e-5a7d-4c1e-9b0a-2d6f8e4a1c70");
    expect(result.macs).toBe("absent");
  });

  it("checks macs with the right key, and says so when they were not checked", () => {
    expect(verifyAuditText(read("keyed.ndjson"), { key: FIXTURE_KEY })).toMatchObject({
      status: "intact",
      macs: "checked",
    });
    expect(verifyAuditText(read("keyed.ndjson"))).toMatchObject({
      status: "intact",
      macs: "not_checked",
    });
  });

  it("accepts the published head, with or without its seq", () => {
    expect(verifyAuditText(intact, { expectHead: { seq: 14, hash: lastLine.hash } }).status).toBe(
      "intact",
    );
    expect(
      verifyAuditText(intact, { expectHead: { seq: undefined, hash: lastLine.hash } }).status,
    ).toBe("intact");
  });
});

describe("verifyAuditText: tampered fixtures", () => {
  const cases: readonly [string, number, BreakReason][] = [
    ["edited-field.ndjson", 7, "hash_mismatch"],
    ["edited-hash.ndjson", 5, "hash_mismatch"],
    ["deleted-line.ndjson", 7, "seq_gap"],
    ["reordered-lines.ndjson", 7, "seq_gap"],
    ["appended-forged.ndjson", 15, "record_after_end"],
  ];
  for (const [file, line, reason] of cases) {
    it(`${file}: tampered at line ${line} (${reason})`, () => {
      const result = verifyAuditText(read(file));
      expect(result.status).toBe("tampered");
      expect(result.broken).toMatchObject({ line, seq: line, reason });
      expect(result.records.filter((entry) => entry.verified)).toHaveLength(line - 1);
      expect(result.records.slice(line - 1).every((entry) => !entry.verified)).toBe(true);
    });
  }

  it("wrong key: tampered at line 1 (mac_mismatch)", () => {
    const result = verifyAuditText(read("keyed.ndjson"), { key: "not-the-key" });
    expect(result.status).toBe("tampered");
    expect(result.broken).toMatchObject({ line: 1, seq: 1, reason: "mac_mismatch" });
  });

  it("a key given for a log written without one: tampered (mac_missing), so stripping macs is caught", () => {
    expect(verifyAuditText(intact, { key: FIXTURE_KEY }).broken).toMatchObject({
      line: 1,
      reason: "mac_missing",
    });
  });

  it("a record rehashed onto another chain (valid hash and seq, wrong prev): prev_mismatch", () => {
    const lines = intact.trimEnd().split("\n");
    const record = JSON.parse(lines[4] ?? "{}") as Record<string, unknown>;
    const forged: Record<string, unknown> = { ...record, prev: "e".repeat(64) };
    const spliced = [...lines.slice(0, 4), rehashed(forged), ...lines.slice(5)].join("\n") + "\n";
    expect(verifyAuditText(spliced).broken).toMatchObject({ line: 5, reason: "prev_mismatch" });
  });

  it("a record rehashed with another run's id (valid hash, seq and prev): run_id_mismatch", () => {
    const lines = intact.trimEnd().split("\n");
    const record = JSON.parse(lines[4] ?? "{}") as Record<string, unknown>;
    const forged: Record<string, unknown> = { ...record, runId: "another-run" };
    const spliced = [...lines.slice(0, 4), rehashed(forged), ...lines.slice(5)].join("\n") + "\n";
    expect(verifyAuditText(spliced).broken).toMatchObject({ line: 5, reason: "run_id_mismatch" });
  });

  it("garbage in the middle: bad_json; an object that is no record: bad_record", () => {
    const lines = intact.trimEnd().split("\n");
    const garbage = [...lines.slice(0, 3), "not json", ...lines.slice(3)].join("\n") + "\n";
    expect(verifyAuditText(garbage).broken).toMatchObject({ line: 4, reason: "bad_json" });
    const odd = [...lines.slice(0, 3), '{"v":1,"seq":4}', ...lines.slice(3)].join("\n") + "\n";
    expect(verifyAuditText(odd).broken).toMatchObject({ line: 4, reason: "bad_record" });
  });

  it("a log that does not start with run_start: missing_run_start", () => {
    const headless = intact.split("\n").slice(1).join("\n");
    expect(verifyAuditText(headless).broken).toMatchObject({
      line: 1,
      reason: "missing_run_start",
    });
  });
});

describe("verifyAuditText: incomplete logs", () => {
  it("truncated tail: incomplete (no_run_end), not tampered", () => {
    const result = verifyAuditText(read("truncated-tail.ndjson"));
    expect(result.status).toBe("incomplete");
    expect(result.incomplete).toEqual(["no_run_end"]);
    expect(result.head?.seq).toBe(9);
  });

  it("truncated tail with the published head: tampered (head_mismatch)", () => {
    const result = verifyAuditText(read("truncated-tail.ndjson"), {
      expectHead: parseExpectedHead(`${lastLine.seq}:${lastLine.hash}`),
    });
    expect(result.status).toBe("tampered");
    expect(result.broken).toMatchObject({ line: 10, seq: 14, reason: "head_mismatch" });
  });

  it("a rewritten log that no longer holds the published hash at its seq: head_mismatch at that line", () => {
    const result = verifyAuditText(intact, { expectHead: { seq: 3, hash: "f".repeat(64) } });
    expect(result.broken).toMatchObject({ line: 3, seq: 3, reason: "head_mismatch" });
  });

  it("torn last line: incomplete (torn_last_line, no_run_end), not tampered", () => {
    const result = verifyAuditText(read("torn-last-line.ndjson"));
    expect(result.status).toBe("incomplete");
    expect(result.incomplete).toEqual(["torn_last_line", "no_run_end"]);
    expect(result.records).toHaveLength(9);
  });

  it("a partial line after run_end is not a crash: tampered (record_after_end)", () => {
    const result = verifyAuditText(`${intact}{"v":1,"seq":15`);
    expect(result.broken).toMatchObject({ line: 15, reason: "record_after_end" });
  });

  it("an empty log: incomplete (empty_log)", () => {
    expect(verifyAuditText("")).toMatchObject({
      status: "incomplete",
      incomplete: ["empty_log", "no_run_end"],
    });
  });

  it("an unparsable last line that does end in a newline is damage, not a torn write", () => {
    const text = read("torn-last-line.ndjson") + "\n";
    expect(verifyAuditText(text).broken).toMatchObject({ line: 10, reason: "bad_json" });
  });
});
