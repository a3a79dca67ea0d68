import { randomBytes, randomUUID } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { RunbookExecError } from "../core/errors.js";
import type { Redact } from "../redact/redactor.js";
import { auditLogFileName } from "./file-name.js";
import { GENESIS_PREV, canonicalJson, hashOfCanonicalBody, recordLine, recordMac } from "./hash.js";
import {
  AUDIT_FORMAT_VERSION,
  type AuditHead,
  type AuditPayloads,
  type AuditRecordType,
  type RunEndPayload,
  type RunStartPayload,
  type StepResultPayload,
  PAYLOAD_SCHEMAS,
} from "./records.js";
import { checkEnvelope, checkRecord } from "./parse-record.js";
import { keepFormatWords } from "./format-words.js";
import { capExcerpt, scrubValue } from "./scrub.js";

/** How many random suffixes are tried when a log file name is already taken. */
const CREATE_ATTEMPTS = 16;

export interface AuditWriterOptions {
  /** `audit_log_dir`; created when missing. */
  readonly dir: string;
  readonly runStart: RunStartPayload;
  /** Applied to every string of every payload before it is hashed. */
  readonly redact: Redact;
  /** HMAC key (`RUNBOOK_EXEC_AUDIT_KEY`); when set, every record carries a `mac`. */
  readonly key?: string | undefined;
  readonly runId?: string;
  /** Injected for tests; defaults to the system clock and crypto randomness. */
  readonly clock?: () => Date;
  readonly randomSuffix?: () => string;
}

/** Record types appended between `run_start` and `run_end`. */
export type StepRecordType = Exclude<AuditRecordType, "run_start" | "run_end">;

/**
 * Appends hash-chained records to a new NDJSON log. Every append is one synchronous write
 * followed by fsync, so a record whose append returned survives a crash of the process.
 */
export class AuditWriter {
  readonly path: string;
  readonly runId: string;
  private fd: number | undefined;
  private seq = 0;
  private prev = GENESIS_PREV;
  private readonly options: AuditWriterOptions;

  private constructor(options: AuditWriterOptions, filePath: string, fd: number, runId: string) {
    this.options = options;
    this.path = filePath;
    this.fd = fd;
    this.runId = runId;
  }

  /** Creates the log file exclusively and writes `run_start`. */
  static open(options: AuditWriterOptions): AuditWriter {
    const clock = options.clock ?? (() => new Date());
    const { filePath, fd } = createExclusive(options, clock());
    const writer = new AuditWriter(options, filePath, fd, options.runId ?? randomUUID());
    try {
      writer.write("run_start", options.runStart);
    } catch (error) {
      writer.closeFile();
      throw error;
    }
    return writer;
  }

  /** Appends one step-level record; returns the new head. */
  append<T extends StepRecordType>(type: T, payload: AuditPayloads[T]): AuditHead {
    return this.write(type, payload);
  }

  /** Appends `run_end` and closes the file; nothing can be appended afterwards. */
  end(payload: RunEndPayload): AuditHead {
    const head = this.write("run_end", payload);
    this.closeFile();
    return head;
  }

  /** The last record written: publish it after each step so truncation can be caught. */
  head(): AuditHead {
    return { seq: this.seq, hash: this.prev };
  }

  private write<T extends AuditRecordType>(type: T, payload: AuditPayloads[T]): AuditHead {
    const fd = this.fd;
    if (fd === undefined) {
      throw new RunbookExecError(
        "AUDIT_WRITE_FAILED",
        `cannot append \`${type}\`: the log already ended`,
        {
          file: this.path,
        },
      );
    }
    const scrubbed = keepFormatWords<object>(
      PAYLOAD_SCHEMAS[type],
      payload,
      scrubValue<object>(payload, this.options.redact),
    );
    const fields = isStepResult(type, scrubbed)
      ? { ...scrubbed, output: capExcerpt(scrubbed.output) }
      : scrubbed;
    const envelope = {
      v: AUDIT_FORMAT_VERSION,
      seq: this.seq + 1,
      ts: (this.options.clock ?? (() => new Date()))().toISOString(),
      runId: this.runId,
      type,
    };
    // The envelope is spread again after the payload so no payload key can override it.
    const body = { ...envelope, ...fields, ...envelope, prev: this.prev };
    const canonicalBody = canonicalJson(body);
    assertFormat(type, canonicalBody, this.path);
    const hash = hashOfCanonicalBody(canonicalBody);
    const key = this.options.key;
    const mac = key === undefined ? undefined : recordMac(key, hash);
    writeFully(fd, `${recordLine(canonicalBody, hash, mac)}\n`, this.path);
    this.seq = body.seq;
    this.prev = hash;
    return this.head();
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Refuses to write a record `replay` would refuse to read. TypeScript lets an object with more
 * fields than its type through (a spread of a port's answer, say), and the format's objects are
 * closed; a record that does not fit is a bug, and the run stops with `run_end` on record
 * rather than writing a log that reads as tampered.
 */
function assertFormat(type: AuditRecordType, canonicalBody: string, file: string): void {
  // What `replay` will read: the written JSON, with a `hash` in place, through its own checks.
  const written = { ...(JSON.parse(canonicalBody) as object), hash: GENESIS_PREV };
  const envelope = checkEnvelope(written);
  const checked = envelope.ok ? checkRecord(envelope.record, "refuse") : undefined;
  const problem = envelope.ok
    ? checked?.ok === false
      ? checked.problem.message
      : undefined
    : envelope.problem;
  if (problem === undefined) return;
  throw new RunbookExecError(
    "AUDIT_WRITE_FAILED",
    `refusing to write this \`${type}\` record: the log format does not allow it (${problem}); this is a bug in runbook-exec`,
    { file },
  );
}

function isStepResult(type: AuditRecordType, _payload: object): _payload is StepResultPayload {
  return type === "step_result";
}

function createExclusive(
  options: AuditWriterOptions,
  startedAt: Date,
): { filePath: string; fd: number } {
  const randomSuffix = options.randomSuffix ?? (() => randomBytes(2).toString("hex"));
  try {
    mkdirSync(options.dir, { recursive: true });
  } catch (cause) {
    throw new RunbookExecError(
      "AUDIT_WRITE_FAILED",
      "cannot create the audit log directory; check `audit_log_dir`",
      {
        file: options.dir,
        cause,
      },
    );
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
    const name = auditLogFileName({
      incidentId: options.runStart.incidentId ?? undefined,
      runbookPath: options.runStart.runbook.path,
      startedAt,
      suffix: randomSuffix(),
    });
    const filePath = path.join(options.dir, name);
    try {
      const fd = openSync(filePath, "wx", 0o600);
      syncDirectory(options.dir);
      return { filePath, fd };
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) break;
    }
  }
  throw new RunbookExecError(
    "AUDIT_WRITE_FAILED",
    "cannot create a new audit log file; check `audit_log_dir`",
    {
      file: options.dir,
      cause: lastError,
    },
  );
}

function writeFully(fd: number, line: string, file: string): void {
  const bytes = Buffer.from(line, "utf8");
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (cause) {
    throw new RunbookExecError(
      "AUDIT_WRITE_FAILED",
      "cannot append to the audit log (disk full?)",
      {
        file,
        cause,
      },
    );
  }
}

/** Makes the new directory entry durable; directories cannot be opened for fsync on Windows. */
function syncDirectory(dir: string): void {
  if (process.platform === "win32") return;
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
