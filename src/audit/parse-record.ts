import { z } from "zod";
import { firstProblem, type RecordProblem } from "./record-problem.js";
import {
  ENVELOPE_FIELDS,
  recordSchema,
  type AuditRecord,
  type AuditRecordType,
  type RecordEnvelope,
} from "./records.js";

/**
 * A record read back from a log with its envelope checked and its payload not yet: what the
 * canonical-bytes and chain checks read. This module is the audit log's trust boundary: nothing
 * else looks inside raw lines.
 */
export type LoggedRecord = RecordEnvelope<AuditRecordType> & { readonly [field: string]: unknown };

export type EnvelopeCheck =
  | { readonly ok: true; readonly record: LoggedRecord }
  | { readonly ok: false; readonly problem: string };

/** A record whose every field the format checked; its fields can still be read by name. */
export type CheckedRecord = AuditRecord & { readonly [field: string]: unknown };

export type RecordCheck =
  | { readonly ok: true; readonly record: CheckedRecord }
  | { readonly ok: false; readonly problem: RecordProblem };

/**
 * Deepest nesting of objects and lists a line may have. A real record nests four levels; a
 * line nested thousands deep would exhaust the stack of every recursive check after the parse.
 */
export const MAX_NESTING = 32;

const ENVELOPE = z.looseObject(ENVELOPE_FIELDS, { error: "not a JSON object" });

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
  if (nestedDeeperThan(value, MAX_NESTING)) {
    return { ok: false, problem: `nested more than ${MAX_NESTING} levels deep` };
  }
  const checked = ENVELOPE.safeParse(value);
  if (!checked.success) {
    return { ok: false, problem: checked.error.issues[0]?.message ?? "not an audit record" };
  }
  return { ok: true, record: value as LoggedRecord };
}

/**
 * What a record's fields the format does not declare mean: the writer refuses them (it only
 * writes what the format declares); the reader passes over them, so a log a later version
 * wrote with a new field still reads as intact. Its bytes, chain and mac are what prove a
 * record, and those cover an added field like any other.
 */
export type UnknownFields = "refuse" | "ignore";

/**
 * Checks a whole record against its type's schema: every field present and of its type, and,
 * unless `unknownFields` is "ignore", no field the format does not have. The record is the value
 * as read (keys in the line's order), now known to have its type's shape.
 */
export function checkRecord(record: LoggedRecord, unknownFields: UnknownFields): RecordCheck {
  const schema = recordSchema(record.type);
  const checked = schema.safeParse(record);
  const issues = (checked.error?.issues ?? []).filter(
    (issue) => unknownFields === "refuse" || issue.code !== "unrecognized_keys",
  );
  if (issues.length === 0) return { ok: true, record: record as CheckedRecord };
  return { ok: false, problem: firstProblem(schema, record, issues) };
}

/** True when `value` nests objects and lists more than `limit` levels deep (no recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.value === null || typeof item.value !== "object") continue;
    const depth = item.depth + 1;
    if (depth > limit) return true;
    for (const child of Object.values(item.value)) pending.push({ value: child, depth });
  }
  return false;
}
