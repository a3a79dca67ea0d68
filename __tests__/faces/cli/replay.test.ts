import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { replayCommand, type ReplayOptions } from "../../../src/faces/cli/commands/replay.js";
import { FIXTURE_KEY } from "../../fixtures/audit/sample-run.js";
import { AuditWriter } from "../../../src/audit/writer.js";
import { SAMPLE_RUN_START } from "../../fixtures/audit/sample-run.js";

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "audit",
);
const intactHead = (() => {
  const last =
    readFileSync(path.join(fixtures, "intact.ndjson"), "utf8").trimEnd().split("\n").at(-1) ?? "{}";
  const record = JSON.parse(last) as { seq: number; hash: string };
  return `${record.seq}:${record.hash}`;
})();

async function replay(
  { log, ...options }: Partial<ReplayOptions> & { log: string },
  env: Record<string, string> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await replayCommand({
    options: { json: false, logs: [log], ...options },
    cwd: fixtures,
    env,
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
  });
  return { code, out, err };
}

describe("replay: text", () => {
  it("prints the timeline of an intact, complete log and exits 0", async () => {
    const { code, out, err } = await replay({ log: "intact.ndjson" });
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toMatch(
      /05:50:15\.370 +2 clear-cache +destructive +approved \(slack\) +alice +0 +1\.5s +<ESC>\[31mfreed 12G<ESC>\[0m/,
    );
    expect(out).toMatch(/3 Restart the service\. +modifying +denied \(terminal\) +bob +skip/);
    expect(out).toContain("decision after step 2: continue (llm): Disk usage is back under 80%.");
    expect(out).toContain("run_end: failed, exit 1");
    expect(out).toContain(`✓ INTACT: 14 records, chain verified, run complete. head ${intactHead}`);
    expect(out).toContain("macs: none");
  });

  it("never prints escape sequences or bidi overrides from the log", async () => {
    const { out } = await replay({ log: "intact.ndjson" });
    for (const char of ["\u001b", "\u202e", "\u202c"]) expect(out).not.toContain(char);
    expect(out).toContain("freed 12G<ESC>[0m <U+202E>evil<U+202C>");
  });

  it("colours the break and the verdict on a terminal, unless NO_COLOR is set", async () => {
    const run = async (env: Record<string, string>): Promise<string> => {
      let out = "";
      const stdout = { isTTY: true, write: (chunk: string) => (out += chunk) };
      await replayCommand({
        options: { logs: ["edited-field.ndjson"], json: false },
        cwd: fixtures,
        env,
        stdout,
        stderr: stdout,
      });
      return out;
    };
    expect(await run({})).toContain("\u001b[31m\u001b[1m✗ BROKEN at line 7");
    expect(await run({ NO_COLOR: "1" })).not.toContain("\u001b[");
  });

  it("marks the first broken record and the rows after it, and exits 1", async () => {
    const { code, out } = await replay({ log: "edited-field.ndjson" });
    expect(code).toBe(1);
    expect(out).toContain("✗ BROKEN at line 7 (seq 7): hash mismatch");
    expect(out).toMatch(/^\? .*2 clear-cache .*mallory/m);
    expect(out).toMatch(/^ {2}.*1 Check disk usage\./m);
    expect(out).toContain("✗ TAMPERED: first broken record at line 7 (seq 7): hash_mismatch");
  });

  it("calls a truncated log incomplete (exit 3) unless the published head says otherwise (exit 1)", async () => {
    const plain = await replay({ log: "truncated-tail.ndjson" });
    expect(plain.code).toBe(3);
    expect(plain.out).toContain(
      "… INCOMPLETE: chain intact for 9 records, but there is no run_end",
    );
    const withHead = await replay({ log: "truncated-tail.ndjson", expectHead: intactHead });
    expect(withHead.code).toBe(1);
    expect(withHead.out).toContain("✗ BROKEN at line 10 (seq 14): head mismatch");
  });

  it("confirms a published head that is in the log", async () => {
    const { code, out } = await replay({ log: "intact.ndjson", expectHead: intactHead });
    expect(code).toBe(0);
    expect(out).toContain(`expected head ${intactHead} is in the log`);
  });

  it("a log saved with a byte order mark is not canonical: exit 1 at byte 0", async () => {
    const { code, out } = await replay({ log: "bom.ndjson" });
    expect(code).toBe(1);
    expect(out).toContain(
      "✗ BROKEN at line 1 (seq 1): not canonical: line 1 is not canonical at byte 0",
    );
  });

  it("the duplicate-key attack on a keyed log: exit 1 with the key, naming the byte", async () => {
    const { code, out } = await replay(
      { log: "dup-key-first-wins.ndjson" },
      { RUNBOOK_EXEC_AUDIT_KEY: FIXTURE_KEY },
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /✗ BROKEN at line 12 \(seq 12\): not canonical: line 12 is not canonical at byte \d+ \(byte 13 of the line\): it has `mallory/,
    );
    expect(out).not.toContain("INTACT");
  });

  it("calls a torn last line incomplete (exit 3)", async () => {
    const { code, out } = await replay({ log: "torn-last-line.ndjson" });
    expect(code).toBe(3);
    expect(out).toContain("the last line was cut off mid-write");
  });

  it("checks macs with the key from RUNBOOK_EXEC_AUDIT_KEY or --key-env", async () => {
    const viaDefault = await replay(
      { log: "keyed.ndjson" },
      { RUNBOOK_EXEC_AUDIT_KEY: FIXTURE_KEY },
    );
    expect(viaDefault.code).toBe(0);
    expect(viaDefault.out).toContain("macs: checked with the key from RUNBOOK_EXEC_AUDIT_KEY");
    const viaFlag = await replay(
      { log: "keyed.ndjson", keyEnv: "MY_KEY" },
      { MY_KEY: FIXTURE_KEY },
    );
    expect(viaFlag.code).toBe(0);
    const wrong = await replay({ log: "keyed.ndjson", keyEnv: "MY_KEY" }, { MY_KEY: "wrong" });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("✗ BROKEN at line 1 (seq 1): mac mismatch");
    const none = await replay({ log: "keyed.ndjson" });
    expect(none.code).toBe(0);
    expect(none.out).toContain("macs: present but NOT checked");
  });
});

describe("replay: errors", () => {
  const cases: readonly [
    string,
    Partial<ReplayOptions> & { log: string },
    Record<string, string>,
    RegExp,
  ][] = [
    [
      "a missing log",
      { log: "nope.ndjson" },
      {},
      /nope\.ndjson: no such audit log; check the path/,
    ],
    ["a directory", { log: "." }, {}, /is a directory; pass one `\.ndjson` audit log/],
    [
      "a bad --expect-head",
      { log: "intact.ndjson", expectHead: "12:xyz" },
      {},
      /--expect-head `12:xyz` is not a head/,
    ],
    [
      "an unset --key-env variable",
      { log: "intact.ndjson", keyEnv: "NOPE" },
      {},
      /--key-env NOPE: the variable is not set/,
    ],
  ];
  for (const [what, options, env, message] of cases) {
    it(`${what}: exit 2 with a one-line message`, async () => {
      const { code, out, err } = await replay(options, env);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toMatch(message);
      expect(err.trimEnd().split("\n")).toHaveLength(1);
    });
  }
});

describe("replay --json", () => {
  it("prints one stable document", async () => {
    const { code, out } = await replay({ log: "edited-field.ndjson", json: true });
    expect(code).toBe(1);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      "schemaVersion",
      "log",
      "status",
      "exitCode",
      "runId",
      "records",
      "head",
      "expectedHead",
      "macs",
      "broken",
      "incomplete",
      "run",
      "timeline",
      "link",
    ]);
    expect(report).toMatchObject({
      schemaVersion: 1,
      log: "edited-field.ndjson",
      status: "tampered",
      exitCode: 1,
      records: { total: 14, verified: 6 },
      head: { seq: 6 },
      expectedHead: null,
      broken: { line: 7, seq: 7, reason: "hash_mismatch" },
      incomplete: [],
      run: {
        runId: "3f2c9b1e-5a7d-4c1e-9b0a-2d6f8e4a1c70",
        host: "web-1",
        mode: "live",
        verified: true,
      },
    });
    const timeline = report["timeline"] as {
      kind: string;
      verified?: boolean;
      step?: number;
      approver?: string;
    }[];
    expect(timeline.map((entry) => entry.kind)).toEqual([
      "step",
      "broken",
      "step",
      "decision",
      "step",
      "end",
    ]);
    expect(timeline[2]).toMatchObject({ step: 2, approver: "mallory", verified: false });
  });

  it("escapes terminal-active characters but keeps the values", async () => {
    const { out } = await replay({ log: "intact.ndjson", json: true });
    for (const char of ["\u001b", "\u202e"]) expect(out).not.toContain(char);
    expect(out).toContain("\\u202eevil");
    const report = JSON.parse(out) as { timeline: { output?: { tail: string } }[] };
    expect(report.timeline[1]?.output?.tail).toContain("\u001b[31mfreed 12G");
  });

  it("escapes zero-width characters and Unicode tags, as the text output does", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "replay-hidden-"));
    try {
      const smuggled = `ok\u200b\u2060${[..."rm -rf /"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("")}`;
      const writer = AuditWriter.open({
        dir,
        redact: (text) => text,
        runStart: { ...SAMPLE_RUN_START, host: smuggled },
      });
      writer.end({
        status: "succeeded",
        counts: { steps: 0, succeeded: 0, failed: 0, skipped: 0, denied: 0 },
        durationMs: 1,
        exitCode: 0,
        signal: null,
      });
      let out = "";
      await replayCommand({
        options: { logs: [writer.path], json: true },
        cwd: dir,
        env: {},
        stdout: { write: (chunk: string) => (out += chunk) },
        stderr: { write: () => true },
      });
      expect(out).not.toMatch(/[\u200b\u2060]|\udb40/);
      expect(out).toContain("ok\\u200b\\u2060\\udb40\\udc72");
      expect(JSON.parse(out)).toMatchObject({ status: "intact", run: { host: smuggled } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
