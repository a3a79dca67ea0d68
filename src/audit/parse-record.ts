import { z } from "zod";
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

/** A check whose every failure reads as one problem in words. */
const problem = (message: string): { readonly error: string } => ({ error: message });

/**
 * The fields every record must have. `prev` and `hash` are checked as strings only: the chain
 * compares both against computed hex digests, which no other string equals. Other fields are
 * the payload, kept as they are.
 */
const ENVELOPE = z.looseObject(
  {
    v: z.literal(AUDIT_FORMAT_VERSION, problem("`v` is not 1")),
    seq: z
      .int(problem("`seq` is not a positive integer"))
      .min(1, problem("`seq` is not a positive integer")),
    ts: z.string(problem("`ts` is missing")),
    runId: z.string(problem("`runId` is missing")),
    type: z.enum(AUDIT_RECORD_TYPES, problem("`type` is not a known record type")),
    prev: z.string(problem("`prev` is missing")),
    hash: z.string(problem("`hash` is missing")),
    mac: z
      .string(problem("`mac` is not 64 hex digits"))
      .regex(HEX64, problem("`mac` is not 64 hex digits"))
      .optional(),
  },
  problem("not a JSON object"),
);

/** Parses one line; `undefined` when it is not JSON. */
export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Checks the fields every record must have, with the first problem (in field order) in words.
 * The record is the parsed value itself, keys in the order the line has them.
 */
export function checkEnvelope(value: unknown): EnvelopeCheck {
  const checked = ENVELOPE.safeParse(value);
  if (!checked.success) {
    return { ok: false, problem: checked.error.issues[0]?.message ?? "not an audit record" };
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
