import { timingSafeEqual } from "node:crypto";
import { checkCanonicalLine } from "./canonical-line.js";
import { GENESIS_PREV, canonicalJson, hashOfCanonicalBody, recordBody, recordMac } from "./hash.js";
import type { ExpectedHead } from "./head.js";
import { splitLogLines, type RawLine } from "./log-lines.js";
import { problemOffset } from "./field-offset.js";
import {
  checkEnvelope,
  checkRecord,
  parseLine,
  type CheckedRecord,
  type LoggedRecord,
  type RecordCheck,
} from "./parse-record.js";
import type { AuditHead } from "./records.js";

/** Why a chain is broken; the first broken record carries one. */
export const BREAK_REASONS = [
  "bad_json",
  "bad_record",
  "not_canonical",
  "missing_run_start",
  "record_after_end",
  "hash_mismatch",
  "seq_gap",
  "prev_mismatch",
  "run_id_mismatch",
  "mac_missing",
  "mac_mismatch",
  "head_mismatch",
] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

/** Why an intact chain is not a complete run. */
export const INCOMPLETE_REASONS = ["empty_log", "torn_last_line", "no_run_end"] as const;
export type IncompleteReason = (typeof INCOMPLETE_REASONS)[number];

export type VerifyStatus = "intact" | "incomplete" | "tampered";

/**
 * `checked`: a key was given, so every verified record's mac matched it; `not_checked`: the
 * log has macs but no key was given; `absent`: no key and no macs.
 */
export type MacStatus = "checked" | "not_checked" | "absent";

export interface BrokenRecord {
  readonly line: number;
  /** The seq the chain expected at that line. */
  readonly seq: number;
  readonly reason: BreakReason;
  readonly message: string;
  /**
   * The file offset of the first byte that differs from the canonical form (`not_canonical`),
   * or of the field a record's schema refuses (`bad_record` of a line whose bytes and chain
   * are sound).
   */
  readonly byteOffset?: number;
}

export interface LogLine {
  readonly line: number;
  /** The record, its envelope and its type's fields checked against the format. */
  readonly record: CheckedRecord;
  /** False for records at or after the first broken one. */
  readonly verified: boolean;
}

export interface VerifyResult {
  readonly status: VerifyStatus;
  readonly broken: BrokenRecord | undefined;
  readonly incomplete: readonly IncompleteReason[];
  /** Every line that is a record of the format, verified or not, in file order. */
  readonly records: readonly LogLine[];
  /** The last verified record. */
  readonly head: AuditHead | undefined;
  readonly runId: string | undefined;
  readonly macs: MacStatus;
}

export interface VerifyOptions {
  /** The audit key; when given, every record must carry a matching `mac`. */
  readonly key?: string | undefined;
  /** A head published during the run: the log must still contain it. */
  readonly expectHead?: ExpectedHead | undefined;
}

/**
 * Verifies an audit log (pure). Bytes are what is verified, so pass the file's bytes; a string
 * is taken as its UTF-8 encoding.
 */
export function verifyAuditText(
  data: string | Uint8Array,
  options: VerifyOptions = {},
): VerifyResult {
  const { lines, endsWithNewline } = splitLogLines(
    typeof data === "string" ? Buffer.from(data, "utf8") : data,
  );
  const chain = new ChainCheck(options.key);
  const incomplete: IncompleteReason[] = [];
  for (const [index, raw] of lines.entries()) {
    const torn = index === lines.length - 1 && !endsWithNewline;
    const stop = chain.accept(raw, torn);
    if (stop === "torn") incomplete.push("torn_last_line");
  }
  if (chain.broken === undefined && options.expectHead !== undefined) {
    chain.checkHead(options.expectHead, lines.length);
  }
  if (chain.broken === undefined) {
    if (lines.length === 0) incomplete.push("empty_log");
    if (!chain.ended) incomplete.push("no_run_end");
  }
  const status: VerifyStatus =
    chain.broken !== undefined ? "tampered" : incomplete.length > 0 ? "incomplete" : "intact";
  return {
    status,
    broken: chain.broken,
    incomplete: chain.broken === undefined ? incomplete : [],
    records: chain.records,
    head: chain.head,
    runId: chain.runId,
    macs: chain.macStatus(),
  };
}

/** Walks the lines in order and stops trusting them at the first break. */
class ChainCheck {
  broken: BrokenRecord | undefined;
  ended = false;
  runId: string | undefined;
  head: AuditHead | undefined;
  readonly records: LogLine[] = [];
  private sawMac = false;
  private readonly key: string | undefined;

  constructor(key: string | undefined) {
    this.key = key;
  }

  /** Checks one line; `torn` marks a last line without its newline. */
  accept(raw: RawLine, torn: boolean): "ok" | "torn" {
    const line = raw.line;
    const parsed = parseLenient(raw.text);
    if (parsed === undefined) {
      if (torn && this.broken === undefined && !this.ended) return "torn";
      if (this.ended) this.breakAt(line, "record_after_end", `line ${line} follows \`run_end\``);
      this.breakAt(line, "bad_json", `line ${line} is not JSON`);
      return "ok";
    }
    const envelope = checkEnvelope(parsed);
    if (!envelope.ok) {
      this.breakAt(line, "bad_record", `line ${line} is not an audit record: ${envelope.problem}`);
      return "ok";
    }
    const record = envelope.record;
    if (record.mac !== undefined) this.sawMac = true;
    // Every record is checked against its type's schema; only records that pass are shown.
    // Whether a line breaks the chain is decided on its bytes, hash, chain and mac first: a
    // forged record reads as forged, never as merely malformed.
    const checked = checkRecord(record, "ignore");
    const problem =
      this.broken === undefined
        ? (this.problemWith(raw, record) ?? schemaProblem(raw, record, checked))
        : undefined;
    if (problem !== undefined) this.broken ??= { line, seq: this.expectedSeq, ...problem };
    if (!checked.ok) return "ok";
    if (this.broken !== undefined) {
      this.records.push({ line, record: checked.record, verified: false });
      return "ok";
    }
    this.records.push({ line, record: checked.record, verified: true });
    this.head = { seq: record.seq, hash: record.hash };
    this.runId ??= record.runId;
    if (record.type === "run_end") this.ended = true;
    return "ok";
  }

  checkHead(expected: ExpectedHead, lineCount: number): void {
    const found = this.records.find((entry) =>
      expected.seq === undefined
        ? entry.record.hash === expected.hash
        : entry.record.seq === expected.seq,
    );
    if (found !== undefined && found.record.hash === expected.hash) return;
    const seq = expected.seq ?? (this.head?.seq ?? 0) + 1;
    const message =
      found === undefined
        ? `the expected head ${expected.seq === undefined ? "" : `seq ${expected.seq} `}is not in the log: records were removed from its end or it was rewritten`
        : `record ${found.record.seq} has hash ${found.record.hash}, the expected head says ${expected.hash}: the log was rewritten`;
    this.breakAt(found?.line ?? lineCount + 1, "head_mismatch", message, seq);
  }

  macStatus(): MacStatus {
    if (this.key !== undefined) return "checked";
    return this.sawMac ? "not_checked" : "absent";
  }

  private get expectedSeq(): number {
    return (this.head?.seq ?? 0) + 1;
  }

  private problemWith(
    raw: RawLine,
    record: LoggedRecord,
  ): Pick<BrokenRecord, "reason" | "message" | "byteOffset"> | undefined {
    // The bytes first: every later check reads the parsed record, which is only what the line
    // says if the line is the record's one canonical spelling.
    const canonicalBody = canonicalJson(recordBody(record));
    const notCanonical = checkCanonicalLine(raw, record, canonicalBody);
    if (notCanonical !== undefined) {
      return {
        reason: "not_canonical",
        message: notCanonical.message,
        byteOffset: notCanonical.offset,
      };
    }
    const problem = this.chainProblem(record, canonicalBody);
    return problem === undefined ? undefined : { reason: problem[0], message: problem[1] };
  }

  private chainProblem(
    record: LoggedRecord,
    canonicalBody: string,
  ): [BreakReason, string] | undefined {
    const expected = this.expectedSeq;
    if (expected === 1 && record.type !== "run_start") {
      return [
        "missing_run_start",
        `the first record is \`${record.type}\`, expected \`run_start\``,
      ];
    }
    if (expected > 1 && record.type === "run_start") {
      return ["bad_record", "a second `run_start` in the same log"];
    }
    if (this.ended) return ["record_after_end", "a record after `run_end`"];
    if (hashOfCanonicalBody(canonicalBody) !== record.hash) {
      return ["hash_mismatch", "the record's content does not match its hash: it was edited"];
    }
    if (record.seq !== expected) {
      const how =
        record.seq > expected
          ? "records are missing before it"
          : "records were reordered or repeated";
      return ["seq_gap", `seq ${record.seq} where ${expected} was expected: ${how}`];
    }
    const prev = this.head?.hash ?? GENESIS_PREV;
    if (record.prev !== prev) {
      return [
        "prev_mismatch",
        "`prev` does not match the previous record's hash: the chain was cut or spliced",
      ];
    }
    if (this.runId !== undefined && record.runId !== this.runId) {
      return [
        "run_id_mismatch",
        `runId \`${record.runId}\` differs from the run's \`${this.runId}\``,
      ];
    }
    if (this.key !== undefined) {
      if (record.mac === undefined) return ["mac_missing", "no `mac` although a key was given"];
      if (!sameHex(record.mac, recordMac(this.key, record.hash))) {
        return ["mac_mismatch", "the `mac` does not match: wrong key, or the record was forged"];
      }
    }
    return undefined;
  }

  private breakAt(
    line: number,
    reason: BreakReason,
    message: string,
    seq = this.expectedSeq,
  ): void {
    this.broken ??= { line, seq, reason, message };
  }
}

/**
 * A record whose bytes and chain are sound but whose fields are not the format's: the line, the
 * field, what the format expects there, and the byte where it sits.
 */
function schemaProblem(
  raw: RawLine,
  record: LoggedRecord,
  checked: RecordCheck,
): Pick<BrokenRecord, "reason" | "message" | "byteOffset"> | undefined {
  if (checked.ok) return undefined;
  const byteOffset = raw.offset + problemOffset(recordBody(record), checked.problem);
  return {
    reason: "bad_record",
    message: `line ${raw.line} is not a valid \`${record.type}\` record at byte ${byteOffset}: ${checked.problem.message}`,
    byteOffset,
  };
}

/**
 * The line parsed, reading past a leading BOM so that a BOM an editor added is reported as a
 * non-canonical byte at its offset rather than as a line that is not JSON.
 */
function parseLenient(text: string): unknown {
  return parseLine(text.startsWith("\uFEFF") ? text.slice(1) : text);
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}
