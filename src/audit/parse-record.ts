import {
  AUDIT_FORMAT_VERSION,
  AUDIT_RECORD_TYPES,
  type AuditRecordType,
  type RecordEnvelope,
} from "./records.js";

/**
 * A record read back from a log: the envelope checked, the payload kept as untyped fields.
 * This module is the audit log's trust boundary: nothing else looks inside raw lines.
 */
export type LoggedRecord = RecordEnvelope<AuditRecordType> & { readonly [field: string]: unknown };

/** Any JSON object read from a log: a record or one of its nested objects. */
export type Fields = Readonly<Record<string, unknown>>;

export type EnvelopeCheck =
  | { readonly ok: true; readonly record: LoggedRecord }
  | { readonly ok: false; readonly problem: string };

const HEX64 = /^[0-9a-f]{64}$/;
const RECORD_TYPES: ReadonlySet<string> = new Set(AUDIT_RECORD_TYPES);

/** Parses one line; `undefined` when it is not JSON. */
export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/** Checks the fields every record must have, with the first problem in words. */
export function checkEnvelope(value: unknown): EnvelopeCheck {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, problem: "not a JSON object" };
  }
  const fields = value as Fields;
  if (fields["v"] !== AUDIT_FORMAT_VERSION) return { ok: false, problem: "`v` is not 1" };
  const seq = fields["seq"];
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1) {
    return { ok: false, problem: "`seq` is not a positive integer" };
  }
  if (typeof fields["ts"] !== "string") return { ok: false, problem: "`ts` is missing" };
  if (typeof fields["runId"] !== "string") return { ok: false, problem: "`runId` is missing" };
  const type = fields["type"];
  if (typeof type !== "string" || !RECORD_TYPES.has(type)) {
    return { ok: false, problem: "`type` is not a known record type" };
  }
  // Only the type here: the chain compares both against computed hex digests, which no other
  // string equals.
  if (typeof fields["prev"] !== "string") return { ok: false, problem: "`prev` is missing" };
  if (typeof fields["hash"] !== "string") return { ok: false, problem: "`hash` is missing" };
  const mac = fields["mac"];
  if (mac !== undefined && (typeof mac !== "string" || !HEX64.test(mac))) {
    return { ok: false, problem: "`mac` is not 64 hex digits" };
  }
  return { ok: true, record: value as LoggedRecord };
}

/** A string field of a logged record, or `undefined`. */
export function stringField(record: Fields, key: string): string | undefined {
  const value = record[key];
  return typeof value === "string" ? value : undefined;
}

/** A finite number field of a logged record, or `undefined`. */
export function numberField(record: Fields, key: string): number | undefined {
  const value = record[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A boolean field of a logged record, or `undefined`. */
export function booleanField(record: Fields, key: string): boolean | undefined {
  const value = record[key];
  return typeof value === "boolean" ? value : undefined;
}

/** A nested object field of a logged record, or `undefined`. */
export function objectField(record: Fields, key: string): Fields | undefined {
  const value = record[key];
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

/** An array-of-numbers field of a logged record (non-numbers dropped), or `[]`. */
export function numberListField(record: Fields, key: string): number[] {
  const value = record[key];
  return Array.isArray(value)
    ? value.filter((item): item is number => typeof item === "number" && Number.isFinite(item))
    : [];
}

/** An array-of-strings field of a logged record (non-strings dropped), or `[]`. */
export function stringListField(record: Fields, key: string): string[] {
  const value = record[key];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}
