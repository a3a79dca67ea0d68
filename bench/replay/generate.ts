// Writes a realistic audit log of N records for the replay benchmark: steps of
// step_planned / approval / step_start / step_result with ~1.2 KB of output, a decision every
// tenth step, run_start first and run_end last. Records are chained with the same hash and
// mac functions the writer uses, but written in one buffered stream (no fsync per record).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import {
  GENESIS_PREV,
  canonicalJson,
  hashOfCanonicalBody,
  recordLine,
  recordMac,
} from "../../src/audit/hash.js";
import type { AuditPayloads, AuditRecordType } from "../../src/audit/records.js";

const RUN_ID = "b3f1c2d4-0000-4000-8000-000000000001";

/** Writes `count` records to `file`; returns the last head as `SEQ:HASH`. */
export async function generateLog(file: string, count: number, key?: string): Promise<string> {
  const out = createWriteStream(file);
  let seq = 0;
  let prev = GENESIS_PREV;
  const start = Date.parse("2026-11-24T05:00:00.000Z");
  const append = async <T extends AuditRecordType>(
    type: T,
    payload: AuditPayloads[T],
  ): Promise<void> => {
    seq += 1;
    const body = {
      v: 1,
      seq,
      ts: new Date(start + seq * 37).toISOString(),
      runId: RUN_ID,
      type,
      ...payload,
      prev,
    };
    const canonicalBody = canonicalJson(body);
    const hash = hashOfCanonicalBody(canonicalBody);
    const mac = key === undefined ? undefined : recordMac(key, hash);
    prev = hash;
    if (!out.write(`${recordLine(canonicalBody, hash, mac)}\n`)) await once(out, "drain");
  };
  await append("run_start", {
    toolVersion: "0.1.0",
    runbook: { path: "bench/huge.md", sha256: "a".repeat(64), title: "Huge" },
    incidentId: null,
    host: "bench",
    user: "bench",
    mode: "live",
    config: { autoApproveLevel: "read_only", timeoutSeconds: 300 },
    ci: null,
    previousLog: null,
    stepCount: count,
  });
  const outputLine =
    "2026-11-24T05:00:00Z INFO worker processed batch 1234 of 9999 in /var/lib/app\n";
  for (let step = 1; seq < count - 1; step++) {
    const stepHash = step.toString(16).padStart(64, "0");
    const base = { step, stepHash };
    const plan = { ...base, line: step * 4, name: null, section: "Work", text: `Step ${step}.` };
    const planned = {
      ...plan,
      risk: "modifying",
      riskSource: "rules",
      reasons: [],
      needsApproval: true,
    } as const;
    const records: (() => Promise<void>)[] = [
      () => append("step_planned", planned),
      () =>
        append("approval", {
          ...base,
          decision: "approved",
          channel: "slack",
          approver: "alice",
          detail: null,
        }),
      () => append("step_start", base),
      () =>
        append("step_result", {
          ...base,
          status: "succeeded",
          exitCode: 0,
          signal: null,
          timedOut: false,
          durationMs: 1234,
          output: {
            head: outputLine.repeat(8),
            tail: outputLine.repeat(8),
            stdoutBytes: 65536,
            stderrBytes: 0,
            truncated: true,
          },
        }),
    ];
    if (step % 10 === 0) {
      records.push(() =>
        append("decision", {
          afterStep: step,
          action: "continue",
          toStep: null,
          skipSteps: [],
          source: "llm",
          rationale: "ok",
        }),
      );
    }
    for (const write of records) if (seq < count - 1) await write();
  }
  await append("run_end", {
    status: "succeeded",
    counts: { steps: 0, succeeded: 0, failed: 0, skipped: 0, denied: 0 },
    durationMs: count * 37,
    exitCode: 0,
    signal: null,
  });
  out.end();
  await once(out, "finish");
  return `${seq}:${prev}`;
}
