import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AUDIT_HASH_DOMAIN,
  canonicalJson,
  GENESIS_PREV,
  recordHash,
  recordMac,
} from "../../src/audit/hash.js";
import { stepHash } from "../../src/plan/step-hash.js";
import type { Command } from "../../src/core/runbook.js";

describe("recordHash", () => {
  const record = {
    v: 1,
    seq: 1,
    ts: "2026-01-02T03:04:05.678Z",
    runId: "r-1",
    type: "run_start",
    z: [1e21, 1e-7, true, null],
    note: 'café ✓ "q"\n',
    durationMs: 1.5,
    prev: GENESIS_PREV,
    hash: "left out of its own hash",
    mac: "left out too",
  };
  // Written by hand from RFC 8785: keys sorted by code unit, ES number forms, minimal escapes.
  const canonical =
    '{"durationMs":1.5,"note":"café ✓ \\"q\\"\\n","prev":"0000000000000000000000000000000000000000000000000000000000000000",' +
    '"runId":"r-1","seq":1,"ts":"2026-01-02T03:04:05.678Z","type":"run_start","v":1,"z":[1e+21,1e-7,true,null]}';

  it("canonicalises the record without hash and mac as RFC 8785 says", () => {
    const { hash: _h, mac: _m, ...body } = record;
    expect(canonicalJson(body)).toBe(canonical);
  });

  it("is sha256 of the domain separator and the canonical JSON (pinned vector)", () => {
    const byHand = createHash("sha256")
      .update(`runbook-exec/audit/v1\n${canonical}`, "utf8")
      .digest("hex");
    // The same digest from `printf … | sha256sum`, so the vector does not depend on this code.
    expect(byHand).toBe("735f891554def9cd0d89f60115c262ed69de9908f32b9f238726467835479b8b");
    expect(AUDIT_HASH_DOMAIN).toBe("runbook-exec/audit/v1\n");
    expect(recordHash(record)).toBe(byHand);
  });

  it("does not depend on key order or on hash/mac", () => {
    const reversed = Object.fromEntries(Object.entries(record).reverse());
    expect(recordHash({ ...reversed, hash: "x" })).toBe(recordHash(record));
  });

  it("changes with any field", () => {
    expect(recordHash({ ...record, seq: 2 })).not.toBe(recordHash(record));
  });
});

describe("recordMac", () => {
  it("is HMAC-SHA256 of the hex hash under the key", () => {
    const hash = "ab".repeat(32);
    expect(recordMac("k3y", hash)).toBe(createHmac("sha256", "k3y").update(hash).digest("hex"));
  });
});

describe("stepHash", () => {
  const command = (script: string, program = "bash", line = 3): Command => ({
    language: "bash",
    line,
    column: 4,
    script,
    interpreter: { program, args: ["-c"], scriptVia: "argument" },
    attributes: [],
  });

  it("depends on the exact scripts and interpreters, in order", () => {
    const base = stepHash([command("df -h"), command("du -sh /var")]);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(stepHash([command("df -h "), command("du -sh /var")])).not.toBe(base);
    expect(stepHash([command("du -sh /var"), command("df -h")])).not.toBe(base);
    expect(stepHash([command("df -h", "sh"), command("du -sh /var")])).not.toBe(base);
  });

  it("ignores where the step sits in the file", () => {
    expect(stepHash([command("df -h", "bash", 40)])).toBe(stepHash([command("df -h", "bash", 3)]));
  });
});
