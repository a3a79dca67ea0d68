import { createHash, createHmac } from "node:crypto";
import canonicalize from "canonicalize";

/** Domain separator hashed before every record, so a record hash is never valid elsewhere. */
export const AUDIT_HASH_DOMAIN = "runbook-exec/audit/v1\n";

/** `prev` of the first record. */
export const GENESIS_PREV = "0".repeat(64);

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
