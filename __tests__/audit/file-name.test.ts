import { describe, expect, it } from "vitest";
import {
  auditLogFileName,
  compactUtc,
  MAX_STEM_LENGTH,
  sanitiseStem,
} from "../../src/audit/file-name.js";

describe("sanitiseStem", () => {
  const cases: readonly [string, string][] = [
    ["INC-1234", "INC-1234"],
    ["../../etc/passwd", "etc-passwd"],
    ["a/b\\c", "a-b-c"],
    ["..", "run"],
    ["x..y", "x.y"],
    ["evil\u0000name\r\n\u001b[31m", "evil-name-31m"],
    ["Störung Nr. 7", "Storung-Nr.-7"],
    ["", "run"],
    ["   ", "run"],
    [".hidden", "hidden"],
    ["-rf", "rf"],
  ];
  for (const [raw, expected] of cases) {
    it(`${JSON.stringify(raw)} → ${expected}`, () => expect(sanitiseStem(raw)).toBe(expected));
  }

  it("bounds the length", () => {
    expect(sanitiseStem("a".repeat(500))).toHaveLength(MAX_STEM_LENGTH);
  });
});

describe("auditLogFileName", () => {
  const startedAt = new Date("2026-11-24T05:50:13.987Z");

  it("prefers the incident id", () => {
    expect(
      auditLogFileName({
        incidentId: "INC/42",
        runbookPath: "ops/disk-full.md",
        startedAt,
        suffix: "0f3a",
      }),
    ).toBe("INC-42-20261124T055013Z-0f3a.ndjson");
  });

  it("falls back to the runbook stem", () => {
    expect(
      auditLogFileName({
        incidentId: undefined,
        runbookPath: "ops/Disk Full.md",
        startedAt,
        suffix: "beef",
      }),
    ).toBe("Disk-Full-20261124T055013Z-beef.ndjson");
    expect(
      auditLogFileName({
        incidentId: " ",
        runbookPath: "a.html.md.erb",
        startedAt,
        suffix: "beef",
      }),
    ).toBe("a.html.md.erb-20261124T055013Z-beef.ndjson");
  });

  it("formats UTC compactly", () => {
    expect(compactUtc(new Date("2026-01-02T03:04:05.000+02:00"))).toBe("20260102T010405Z");
  });
});
