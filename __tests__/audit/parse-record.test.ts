import { describe, expect, it } from "vitest";
import { checkEnvelope } from "../../src/audit/parse-record.js";

const VALID = {
  v: 1,
  seq: 3,
  ts: "2026-11-24T05:50:13.620Z",
  runId: "run",
  type: "step_start",
  step: 2,
  prev: "a".repeat(64),
  hash: "b".repeat(64),
};

describe("checkEnvelope: the fields every record must have", () => {
  it("accepts a record and keeps it as read, payload and key order included", () => {
    const checked = checkEnvelope(VALID);
    expect(checked).toEqual({ ok: true, record: VALID });
    expect(checked.ok && Object.keys(checked.record)).toEqual(Object.keys(VALID));
    expect(checkEnvelope({ ...VALID, mac: "c".repeat(64) }).ok).toBe(true);
  });

  it.each([
    ["a string", "a record", "not a JSON object"],
    ["null", null, "not a JSON object"],
    ["an array", [VALID], "not a JSON object"],
    ["v 2", { ...VALID, v: 2 }, "`v` is not 1"],
    ['v "1"', { ...VALID, v: "1" }, "`v` is not 1"],
    ["seq 0", { ...VALID, seq: 0 }, "`seq` is not a positive integer"],
    ["seq 1.5", { ...VALID, seq: 1.5 }, "`seq` is not a positive integer"],
    ["seq past 2^53", { ...VALID, seq: 2 ** 53 }, "`seq` is not a positive integer"],
    ['seq "3"', { ...VALID, seq: "3" }, "`seq` is not a positive integer"],
    ["no ts", { ...VALID, ts: undefined }, "`ts` is missing"],
    ["runId 7", { ...VALID, runId: 7 }, "`runId` is missing"],
    ["an unknown type", { ...VALID, type: "step_begin" }, "`type` is not a known record type"],
    ["no prev", { ...VALID, prev: null }, "`prev` is missing"],
    ["no hash", { ...VALID, hash: undefined }, "`hash` is missing"],
    ["a short mac", { ...VALID, mac: "c".repeat(63) }, "`mac` is not 64 hex digits"],
    ["an upper-case mac", { ...VALID, mac: "C".repeat(64) }, "`mac` is not 64 hex digits"],
    ["a null mac", { ...VALID, mac: null }, "`mac` is not 64 hex digits"],
  ])("refuses %s, saying what is wrong", (_name, value, problem) => {
    expect(checkEnvelope(value)).toEqual({ ok: false, problem });
  });

  it("names the first problem in field order", () => {
    expect(checkEnvelope({ ...VALID, seq: -1, hash: 5, v: 0 })).toEqual({
      ok: false,
      problem: "`v` is not 1",
    });
    expect(checkEnvelope({ hash: 5, type: "x", seq: 1 })).toEqual({
      ok: false,
      problem: "`v` is not 1",
    });
  });
});
