import { createHash, createHmac } from "node:crypto";
import canonicalize from "canonicalize";
import { isDetached } from "../core/detach.js";
import type { Command } from "../core/runbook.js";

/** Domain separator hashed before every record, so a record hash is never valid elsewhere. */
export const AUDIT_HASH_DOMAIN = "runbook-exec/audit/v1\n";

/** `prev` of the first record. */
export const GENESIS_PREV = "0".repeat(64);

/** Domain separator for {@link stepHash}. */
const STEP_HASH_DOMAIN = "runbook-exec/step/v1\n";

/** RFC 8785 canonical JSON of a value; throws on values JSON cannot hold (NaN, lone surrogates). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON form");
  return text;
}

/**
 * `hash` of a record: sha256 over the domain separator and the canonical JSON of every field
 * except `hash` and `mac` (the mac is computed from the hash, so it cannot be inside it).
 */
export function recordHash(record: object): string {
  const { hash: _hash, mac: _mac, ...body } = record as Readonly<Record<string, unknown>>;
  return createHash("sha256").update(AUDIT_HASH_DOMAIN).update(canonicalJson(body)).digest("hex");
}

/** `mac` of a record: HMAC-SHA256 keyed with the audit key over the record's hex hash. */
export function recordMac(key: string | Uint8Array, hash: string): string {
  return createHmac("sha256", key).update(hash).digest("hex");
}

/**
 * sha256 that identifies what a step runs: the exact scripts with their interpreters, in order,
 * and `detach=true` where a script may leave processes running (an approval covers that too).
 * Line numbers and other fence attributes are left out on purpose, so moving a step or editing
 * prose does not invalidate an approval, while any change to what runs does.
 */
export function stepHash(
  commands: readonly (Pick<Command, "script" | "interpreter"> &
    Partial<Pick<Command, "attributes">>)[],
): string {
  const material = commands.map((command) => ({
    program: command.interpreter.program,
    args: command.interpreter.args,
    scriptVia: command.interpreter.scriptVia,
    script: command.script,
    ...(isDetached(command) && { detach: true }),
  }));
  return createHash("sha256")
    .update(STEP_HASH_DOMAIN + canonicalJson(material))
    .digest("hex");
}
