import { randomUUID } from "node:crypto";
import { canonicalJson } from "./hash.js";
import type { RecordProblem } from "./record-problem.js";

/**
 * Byte offset, in a record's canonical JSON, of where a {@link RecordProblem} sits: the value
 * of a wrong field, the name of an unknown one, the object that lacks a missing one. Only
 * meaningful for a line already found canonical, whose bytes start with exactly that JSON.
 *
 * The value there is swapped for a unique marker: canonical JSON sorts members by name, so the
 * bytes before the marker are the bytes before the value in the real record.
 */
export function problemOffset(
  body: Readonly<Record<string, unknown>>,
  problem: RecordProblem,
): number {
  const path = problem.kind === "missing" ? problem.path.slice(0, -1) : problem.path;
  const valueOffset = offsetOf(body, path);
  const key = path[path.length - 1];
  if (problem.kind !== "unknown" || typeof key !== "string") return valueOffset;
  return valueOffset - Buffer.byteLength(`${canonicalJson(key)}:`, "utf8");
}

function offsetOf(body: Readonly<Record<string, unknown>>, path: readonly PropertyKey[]): number {
  if (path.length === 0) return 0;
  const marker = `offset-marker-${randomUUID()}`;
  const copy = structuredClone(body) as Record<PropertyKey, unknown>;
  let parent: Record<PropertyKey, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (next === null || typeof next !== "object") return 0;
    parent = next as Record<PropertyKey, unknown>;
  }
  parent[path[path.length - 1] ?? ""] = marker;
  const text = canonicalJson(copy);
  return Buffer.byteLength(text.slice(0, text.indexOf(canonicalJson(marker))), "utf8");
}
