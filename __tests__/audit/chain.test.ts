import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildChains, type VerifiedLog } from "../../src/audit/chain.js";
import type { AuditHead, PreviousLogLink } from "../../src/audit/records.js";
import { verifyAuditText } from "../../src/audit/verify.js";
import { AuditWriter } from "../../src/audit/writer.js";
import { SAMPLE_RUN_START } from "../fixtures/audit/sample-run.js";

const END = {
  status: "succeeded" as const,
  counts: { steps: 0, succeeded: 0, failed: 0, skipped: 0, denied: 0 },
  durationMs: 1,
  exitCode: 0,
  signal: null,
};

/** A finished log with run id `runId` that resumes `previous` (if any); its name and run_start head. */
function log(
  dir: string,
  runId: string,
  previous: PreviousLogLink | null,
): { entry: VerifiedLog; first: AuditHead } {
  const writer = AuditWriter.open({
    dir,
    runId,
    redact: (text) => text,
    runStart: { ...SAMPLE_RUN_START, incidentId: runId, previousLog: previous },
  });
  const first = writer.head();
  writer.end(END);
  const result = verifyAuditText(readFileSync(writer.path));
  return { entry: { log: path.basename(writer.path), result }, first };
}

describe("buildChains", () => {
  it("orders a chain oldest first and checks each link against the head it names", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chain-"));
    const a = log(dir, "run-a", null);
    const b = log(dir, "run-b", { path: a.entry.log, runId: "run-a", head: a.first });
    const c = log(dir, "run-c", {
      path: b.entry.log,
      runId: "run-b",
      head: { seq: 9, hash: "f".repeat(64) },
    });
    const [chain, ...rest] = buildChains([c.entry, a.entry, b.entry]);
    expect(rest).toEqual([]);
    expect(chain?.logs.map((entry) => entry.log)).toEqual([a.entry.log, b.entry.log, c.entry.log]);
    expect(chain?.links.get(a.entry.log)).toBeNull();
    expect(chain?.links.get(b.entry.log)).toMatchObject({ status: "ok", to: a.entry.log });
    expect(chain?.links.get(c.entry.log)).toMatchObject({ status: "broken", to: b.entry.log });
  });

  it("a log two runs resumed is in both chains; a missing earlier log is said, not failed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chain-"));
    const a = log(dir, "run-a", null);
    const b = log(dir, "run-b", { path: a.entry.log, runId: "run-a", head: a.first });
    const c = log(dir, "run-c", { path: a.entry.log, runId: "run-a", head: a.first });
    const d = log(dir, "run-d", { path: "gone.ndjson", runId: "run-gone", head: a.first });
    const chains = buildChains([a.entry, b.entry, c.entry, d.entry]);
    expect(chains.map((chain) => chain.logs.map((entry) => entry.log))).toEqual([
      [a.entry.log, b.entry.log],
      [a.entry.log, c.entry.log],
      [d.entry.log],
    ]);
    expect(chains[2]?.links.get(d.entry.log)).toMatchObject({ status: "missing", to: null });
  });

  it("links that would form a cycle (only forged ones can; hashes cannot point both ways): the walk ends, a link is broken", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chain-"));
    // b resumes an earlier run-a; a later log reusing run id run-a claims to resume b.
    const a0 = log(dir, "run-a", null);
    const b = log(dir, "run-b", { path: a0.entry.log, runId: "run-a", head: a0.first });
    const a = log(dir, "run-a", { path: b.entry.log, runId: "run-b", head: b.first });
    const [chain, ...rest] = buildChains([a.entry, b.entry]);
    expect(rest).toEqual([]);
    expect(chain?.logs).toHaveLength(2);
    const statuses = [...(chain?.links.values() ?? [])].map((link) => link?.status);
    expect(statuses).toContain("broken");
  });
});
