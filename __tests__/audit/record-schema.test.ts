import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  GENESIS_PREV,
  canonicalJson,
  recordBody,
  recordHash,
  recordLine,
  recordMac,
} from "../../src/audit/hash.js";
import { checkRecord, type LoggedRecord } from "../../src/audit/parse-record.js";
import { assertAuditLog } from "../../src/audit/recognise.js";
import {
  type AuditRecordType,
  type JsonValue,
  type RunStartPayload,
  type StepResultPayload,
} from "../../src/audit/records.js";
import { verifyAuditText, type VerifyResult } from "../../src/audit/verify.js";
import { RunbookExecError } from "../../src/core/errors.js";

type Fields = Record<string, unknown>;

const RUN = "3f2c9b1e-5a7d-4c1e-9b0a-2d6f8e4a1c70";
const HASH = "a".repeat(64);
const KEY = "schema-test-key";

/** One valid payload of every record type, with every optional field present. */
const PAYLOADS: readonly (readonly [AuditRecordType, Fields])[] = [
  [
    "run_start",
    {
      toolVersion: "1.2.3",
      runbook: { path: "r.md", sha256: HASH, title: "R" },
      incidentId: null,
      host: "h",
      user: "u",
      mode: "live",
      config: { autoApproveLevel: "read_only", rules: { nested: [1, "two", null, true] } },
      ci: {
        provider: "github-actions",
        repository: "o/r",
        runId: "1",
        runAttempt: "1",
        actor: "octo",
        event: "workflow_dispatch",
        workflow: "w",
        ref: null,
        sha: null,
      },
      previousLog: { path: "old.ndjson", runId: "old", head: { seq: 7, hash: HASH } },
      stepCount: 1,
      containment: "process-group",
    },
  ],
  [
    "step_planned",
    {
      step: 1,
      stepHash: HASH,
      line: 9,
      name: "clear",
      section: "Fix",
      text: "Clear it.",
      risk: "destructive",
      riskSource: "rules",
      reasons: [{ ruleId: "rm.recursive", message: "`rm -rf` deletes files" }],
      needsApproval: true,
      parameters: { HOST: "web-1" },
    },
  ],
  [
    "approval",
    {
      step: 1,
      stepHash: HASH,
      decision: "approved",
      channel: "slack",
      approver: "U1",
      detail: null,
      decidedAt: "2026-12-07T05:00:00.000Z",
      evidence: {
        approvers: [{ id: "U1", name: "alice" }],
        message: { channel: "C1", ts: "1.2" },
        hashShown: "aaaaaaaaaaaa",
        link: "https://example.invalid/c/1",
        answeredAt: "2026-12-07T05:00:00.000Z",
      },
      withdrawn: ["terminal"],
    },
  ],
  ["step_start", { step: 1, stepHash: HASH }],
  [
    "step_result",
    {
      step: 1,
      stepHash: HASH,
      status: "failed",
      exitCode: 2,
      signal: null,
      timedOut: false,
      durationMs: 12.5,
      output: { head: "out\n", tail: "", stdoutBytes: 4, stderrBytes: 0, truncated: false },
    },
  ],
  [
    "operator_choice",
    {
      step: 1,
      stepHash: HASH,
      problem: "failed",
      detail: "exit 2",
      choice: "skip",
      how: "answered",
      channel: "terminal",
      by: "alice",
    },
  ],
  ["step_skipped", { step: 1, stepHash: HASH, reason: "operator", detail: "failed: exit 2" }],
  [
    "decision",
    {
      afterStep: 1,
      action: "skip_forward",
      toStep: 3,
      skipSteps: [2],
      source: "llm",
      rationale: null,
    },
  ],
  [
    "run_end",
    {
      status: "failed",
      counts: { steps: 1, succeeded: 0, failed: 1, skipped: 0, denied: 0 },
      durationMs: 30,
      exitCode: 1,
      signal: null,
    },
  ],
];

interface Chained {
  readonly text: string;
  /** Byte offset of each line's first byte. */
  readonly offsets: readonly number[];
}

/**
 * Writes records as a writer would: canonical lines, hash-chained, macked when a key is given.
 * `forgeMacAt` signs that line (1-based) with another key.
 */
function chain(
  payloads: readonly (readonly [AuditRecordType, Fields])[],
  options: { readonly key?: string; readonly forgeMacAt?: number } = {},
): Chained {
  let prev = GENESIS_PREV;
  let text = "";
  const offsets: number[] = [];
  payloads.forEach(([type, payload], index) => {
    const seq = index + 1;
    const body = { ...payload, v: 1, seq, ts: "2026-12-07T05:00:00.000Z", runId: RUN, type, prev };
    const hash = recordHash(body);
    const key = seq === options.forgeMacAt ? "another-key" : options.key;
    offsets.push(Buffer.byteLength(text, "utf8"));
    text += `${recordLine(canonicalJson(recordBody(body)), hash, key === undefined ? undefined : recordMac(key, hash))}\n`;
    prev = hash;
  });
  return { text, offsets };
}

/** The sample log with the payload of line `line` (1-based) replaced. */
function withPayload(line: number, payload: Fields): (readonly [AuditRecordType, Fields])[] {
  return PAYLOADS.map(([type, original], index) =>
    index === line - 1 ? [type, payload] : [type, original],
  );
}

/** The bytes of the log from an offset on, as text. */
function at(text: string, offset: number): string {
  return Buffer.from(text, "utf8").subarray(offset).toString("utf8");
}

const lineOf = (type: AuditRecordType): number =>
  PAYLOADS.findIndex(([candidate]) => candidate === type) + 1;

const payloadOf = (type: AuditRecordType): Fields =>
  structuredClone(PAYLOADS.find(([candidate]) => candidate === type)?.[1] ?? {});

describe("the sample log", () => {
  it("holds one valid record of every type and verifies intact", () => {
    const result = verifyAuditText(chain(PAYLOADS).text);
    expect(result).toMatchObject({ status: "intact", broken: undefined });
    expect(new Set(result.records.map((entry) => entry.record.type)).size).toBe(9);
  });
});

/** Sets the value at a path of a copied payload; `undefined` deletes it. */
function edit(payload: Fields, path: readonly (string | number)[], value: unknown): Fields {
  const copy = structuredClone(payload);
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? "";
  if (value === undefined && Array.isArray(parent) && typeof last === "number") {
    parent.splice(last, 1);
  } else if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

describe("a malformed payload of every record type is a bad_record break that says where and what", () => {
  // type, path, new value (undefined = removed), the problem in words, the text at the offset
  const cases: readonly [AuditRecordType, (string | number)[], unknown, string, string][] = [
    ["run_start", ["host"], undefined, "`host` is missing; expected a string", '{"ci":'],
    [
      "run_start",
      ["ci", "provider"],
      "gitlab",
      '`ci.provider` is the string "gitlab"; expected `github-actions`',
      '"gitlab"',
    ],
    [
      "run_start",
      ["previousLog", "head", "seq"],
      "7",
      '`previousLog.head.seq` is the string "7"; expected a whole number ≥ 1',
      '"7"',
    ],
    [
      "run_start",
      ["containment"],
      "none",
      '`containment` is the string "none"; expected one of `pid-namespace`, `user-pid-namespace`, `process-group`',
      '"none"',
    ],
    [
      "step_planned",
      ["reasons", 0, "ruleId"],
      5,
      "`reasons[0].ruleId` is the number 5; expected a string",
      "5}",
    ],
    [
      "step_planned",
      ["parameters", "HOST"],
      1,
      "`parameters.HOST` is the number 1; expected a string",
      "1}",
    ],
    [
      "step_planned",
      ["needsApproval"],
      "yes",
      '`needsApproval` is the string "yes"; expected true or false',
      '"yes"',
    ],
    [
      "approval",
      ["decision"],
      "maybe",
      '`decision` is the string "maybe"; expected one of `approved`, `denied`, `timed_out`',
      '"maybe"',
    ],
    [
      "approval",
      ["withdrawn", 0],
      "email",
      '`withdrawn[0]` is the string "email"; expected one of `auto`, `terminal`, `slack`, `github_comment`, `github_environment`, `mcp`, `resume`',
      '"email"',
    ],
    ["step_start", ["stepHash"], undefined, "`stepHash` is missing; expected a string", "{"],
    [
      "step_result",
      ["exitCode"],
      "0",
      '`exitCode` is the string "0"; expected a whole number or null',
      '"0"',
    ],
    [
      "step_result",
      ["output", "truncated"],
      undefined,
      "`output.truncated` is missing; expected true or false",
      '{"head":',
    ],
    [
      "step_result",
      ["durationMs"],
      -1,
      "`durationMs` is the number -1; expected a number ≥ 0",
      "-1",
    ],
    [
      "step_skipped",
      ["reason"],
      "bored",
      '`reason` is the string "bored"; expected one of `dry_run`, `denied`, `decision`, `already_done`, `aborted`, `not_selected`, `no_command`, `operator`',
      '"bored"',
    ],
    [
      "decision",
      ["skipSteps", 0],
      "2",
      '`skipSteps[0]` is the string "2"; expected a whole number ≥ 1',
      '"2"',
    ],
    [
      "decision",
      ["skipSteps"],
      {},
      "`skipSteps` is an object; expected a list (each item a whole number ≥ 1)",
      "{}",
    ],
    [
      "operator_choice",
      ["channel"],
      "email",
      '`channel` is the string "email"; expected one of `terminal`, `slack`, `github_comment`, `github_environment`, `mcp` or null',
      '"email"',
    ],
    ["operator_choice", ["by"], [], "`by` is a list; expected a string or null", "[]"],
    [
      "run_end",
      ["counts", "denied"],
      -1,
      "`counts.denied` is the number -1; expected a whole number ≥ 0",
      "-1",
    ],
    ["run_end", ["exitCode"], 1.5, "`exitCode` is the number 1.5; expected a whole number", "1.5"],
    ["run_end", ["signal"], undefined, "`signal` is missing; expected a string or null", "{"],
  ];
  it.each(cases)("%s %j = %j", (type, path, value, words, there) => {
    const line = lineOf(type);
    const log = chain(withPayload(line, edit(payloadOf(type), path, value)));
    const result = verifyAuditText(log.text);
    expect(result.status).toBe("tampered");
    const broken = result.broken;
    expect(broken).toMatchObject({ line, seq: line, reason: "bad_record" });
    expect(broken?.message).toBe(
      `line ${line} is not a valid \`${type}\` record at byte ${broken?.byteOffset}: ${words}`,
    );
    const offset = broken?.byteOffset ?? -1;
    expect(offset).toBeGreaterThanOrEqual(log.offsets[line - 1] ?? Infinity);
    expect(at(log.text, offset).startsWith(there)).toBe(true);
    // A missing field of the record itself points at the line's first byte.
    if (value === undefined && path.length === 1) expect(offset).toBe(log.offsets[line - 1]);
    // Nothing of the broken record or after it is taken as verified.
    expect(result.records.filter((entry) => entry.verified)).toHaveLength(line - 1);
    expect(result.head?.seq).toBe(line === 1 ? undefined : line - 1);
  });

  // A later v1 writer may add fields: the reader passes over them. The bytes, the chain and the
  // mac cover an added field like any other, so one added after the fact is still a break.
  it.each([
    ["approval", ["evidence", "approvers", 0, "role"], "admin"],
    ["step_start", ["command"], "rm -rf /"],
    ["step_start", ["a b"], 2],
    ["step_start", ["__proto__"], { step: 1 }],
  ] as const)(
    "a field the format does not declare (%s %j) reads as intact",
    (type, path, value) => {
      const line = lineOf(type);
      const payload =
        path[0] === "__proto__"
          ? { ...payloadOf(type), ...(JSON.parse('{"__proto__":{"step":1}}') as Fields) }
          : edit(payloadOf(type), path, value);
      const log = chain(withPayload(line, payload));
      expect(log.text).toContain(path[0] === "__proto__" ? '"__proto__":' : JSON.stringify(value));
      expect(verifyAuditText(log.text)).toMatchObject({ status: "intact", broken: undefined });
    },
  );

  it("an added field written after the fact is a hash break, not a new field", () => {
    const line = lineOf("step_start");
    const log = chain(withPayload(line, payloadOf("step_start")));
    const lines = log.text.split("\n");
    lines[line - 1] = (lines[line - 1] ?? "").replace('"runId"', '"approvedBy":"mallory","runId"');
    const result = verifyAuditText(lines.join("\n"));
    expect(result.status).toBe("tampered");
    expect(result.broken?.line).toBe(line);
    expect(result.broken?.reason).not.toBe("bad_record");
  });
});

/** Every path to a value in a payload, nested objects and lists included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [prefix];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))].filter(
    (path) => path.length > 0,
  );
}

/** What a mutation at `path` must name: `a.b[0]`. */
function dotted(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join("");
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const) }),
  fc.record({ kind: fc.constant("replace" as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({
    kind: fc.constant("add" as const),
    key: fc.constantFrom("extra", "note", "hash2", "approvedBy"),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
);

describe("every payload mutation is caught by the format, or is valid and verifies", () => {
  it("removing, replacing or adding a field anywhere: bad_record naming it, or intact; never a throw", () => {
    const targets = PAYLOADS.flatMap(([type, payload], index) =>
      pathsOf(payload).map((path) => ({ type, line: index + 1, path })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...targets), mutation, ({ type, line, path }, change) => {
        const original = payloadOf(type);
        const payload =
          change.kind === "remove"
            ? edit(original, path, undefined)
            : change.kind === "replace"
              ? edit(original, path, change.value)
              : addField(original, path, change.key, change.value);
        const log = chain(withPayload(line, payload));
        let result: VerifyResult | undefined;
        expect(() => (result = verifyAuditText(log.text))).not.toThrow();
        const written = JSON.parse(log.text.split("\n")[line - 1] ?? "") as unknown;
        // The reader passes over fields the format does not declare (checkRecord "ignore").
        const valid = checkRecord(written as LoggedRecord, "ignore").ok;
        if (valid) {
          expect(result?.status).toBe("intact");
          return;
        }
        expect(result?.broken).toMatchObject({ line, reason: "bad_record" });
        const named =
          change.kind === "add" && addTarget(original, path) !== undefined
            ? dotted([...(addTarget(original, path) ?? []), change.key])
            : dotted(path);
        // The problem names the field changed, or a field inside a value put in its place.
        expect(result?.broken?.message).toContain(`: \`${named}`);
        const offset = result?.broken?.byteOffset ?? -1;
        expect(offset).toBeGreaterThanOrEqual(log.offsets[line - 1] ?? Infinity);
        expect(offset).toBeLessThan(log.offsets[line] ?? Infinity);
      }),
      { numRuns: 400 },
    );
  });
});

/** The object a field is added to: the value at `path` if it is an object, else its parent. */
function addTarget(
  payload: Fields,
  path: readonly (string | number)[],
): (string | number)[] | undefined {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    let value: unknown = payload;
    for (const key of prefix) value = (value as Record<string | number, unknown>)[key];
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return prefix;
  }
  return undefined;
}

function addField(
  payload: Fields,
  path: readonly (string | number)[],
  key: string,
  value: unknown,
): Fields {
  const target = addTarget(payload, path) ?? [];
  return edit(payload, [...target, key], value);
}

describe("malformed payloads in signed logs: the mac is checked first, as before", () => {
  const bad = (): (readonly [AuditRecordType, Fields])[] =>
    withPayload(lineOf("step_result"), edit(payloadOf("step_result"), ["exitCode"], "0"));
  const line = lineOf("step_result");

  it("the right key: the macs hold, and the malformed record is the break", () => {
    const result = verifyAuditText(chain(bad(), { key: KEY }).text, { key: KEY });
    expect(result).toMatchObject({ status: "tampered", macs: "checked" });
    expect(result.broken).toMatchObject({ line, reason: "bad_record" });
  });

  it("a wrong key: mac_mismatch at line 1, before any payload is judged", () => {
    const result = verifyAuditText(chain(bad(), { key: KEY }).text, { key: "wrong" });
    expect(result.broken).toMatchObject({ line: 1, reason: "mac_mismatch" });
  });

  it("the malformed record's own mac forged: mac_mismatch at its line, not bad_record", () => {
    const log = chain(bad(), { key: KEY, forgeMacAt: line });
    expect(verifyAuditText(log.text, { key: KEY }).broken).toMatchObject({
      line,
      reason: "mac_mismatch",
    });
  });

  it("the malformed record edited after hashing: hash_mismatch, the bytes come first", () => {
    const log = chain(PAYLOADS, { key: KEY });
    const lines = log.text.split("\n");
    lines[line - 1] = (lines[line - 1] ?? "").replace('"exitCode":2', '"exitCode":"2"');
    expect(verifyAuditText(lines.join("\n"), { key: KEY }).broken).toMatchObject({
      line,
      reason: "hash_mismatch",
    });
  });

  it("no key: the malformed record is the break, and the macs are said not checked", () => {
    const result = verifyAuditText(chain(bad(), { key: KEY }).text);
    expect(result).toMatchObject({ macs: "not_checked" });
    expect(result.broken).toMatchObject({ line, reason: "bad_record" });
  });
});

describe("records after a break, and logs that are nothing but a malformed record", () => {
  it("after the first break, valid records are shown unverified and malformed ones left out", () => {
    const payloads = withPayload(2, edit(payloadOf("step_planned"), ["risk"], "low"));
    payloads[4] = ["step_result", edit(payloadOf("step_result"), ["status"], "done")];
    const result = verifyAuditText(chain(payloads).text);
    expect(result.broken).toMatchObject({ line: 2, reason: "bad_record" });
    expect(result.records.map((entry) => [entry.line, entry.verified])).toEqual([
      [1, true],
      [3, false],
      [4, false],
      [6, false],
      [7, false],
      [8, false],
      [9, false],
    ]);
  });

  it("a file whose only line is a malformed run_start is not an audit log (exit 2), as a line without an envelope is", () => {
    const log = chain([["run_start", edit(payloadOf("run_start"), ["mode"], "live!")]]);
    const result = verifyAuditText(log.text);
    expect(() => assertAuditLog("one.ndjson", result)).toThrow(RunbookExecError);
    expect(() => assertAuditLog("one.ndjson", result)).toThrow(
      /no line of it is an audit record \(line 1 is not a valid `run_start` record at byte \d+: `mode` is the string "live!"/,
    );
  });
});

describe("lines nested past the limit are refused before anything recursive reads them", () => {
  /** A run_start line whose config nests `depth` lists: not hashable by any recursive code. */
  const deepLine = (depth: number): string =>
    `{"config":${"[".repeat(depth)}${"]".repeat(depth)},"hash":"${HASH}","prev":"${GENESIS_PREV}","runId":"${RUN}","seq":1,"ts":"t","type":"run_start","v":1}`;

  it.each([100_000, 32])(
    "a line nesting %i levels below its record: bad_record, never a stack overflow",
    (depth) => {
      let result: VerifyResult | undefined;
      expect(() => (result = verifyAuditText(`${deepLine(depth)}\n`))).not.toThrow();
      expect(result?.broken).toMatchObject({
        line: 1,
        reason: "bad_record",
        message: "line 1 is not an audit record: nested more than 32 levels deep",
      });
    },
  );

  it("31 levels below the record are still read, and judged on their bytes", () => {
    // The hand-built line has `hash` among the members, not last: not canonical.
    expect(verifyAuditText(`${deepLine(31)}\n`).broken?.reason).toBe("not_canonical");
  });

  it("after a break, a deep line is left out without a throw", () => {
    const lines = chain(PAYLOADS).text.split("\n");
    lines[1] = (lines[1] ?? "").replace('"line":9', '"line":10');
    lines.splice(2, 0, deepLine(100_000));
    let result: VerifyResult | undefined;
    expect(() => (result = verifyAuditText(lines.join("\n")))).not.toThrow();
    expect(result?.broken).toMatchObject({ line: 2, reason: "hash_mismatch" });
    expect(result?.records.some((entry) => entry.line === 3)).toBe(false);
  });
});

describe("types follow the schemas", () => {
  it("keeps the shapes the engine writes", () => {
    expectTypeOf<RunStartPayload["config"]>().toEqualTypeOf<JsonValue>();
    expectTypeOf<StepResultPayload["exitCode"]>().toEqualTypeOf<number | null>();
    expectTypeOf<StepResultPayload["status"]>().toEqualTypeOf<"succeeded" | "failed">();
  });
});
