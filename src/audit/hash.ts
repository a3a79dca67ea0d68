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

/** A record without its `hash` and `mac`: what the hash covers. */
export function recordBody(record: object): Readonly<Record<string, unknown>> {
  const { hash: _hash, mac: _mac, ...body } = record as Readonly<Record<string, unknown>>;
  return body;
}

/** sha256 over the domain separator and a record body's canonical JSON. */
export function hashOfCanonicalBody(canonicalBody: string): string {
  return createHash("sha256").update(AUDIT_HASH_DOMAIN).update(canonicalBody).digest("hex");
}

/**
 * `hash` of a record: sha256 over the domain separator and the canonical JSON of every field
 * except `hash` and `mac` (the mac is computed from the hash, so it cannot be inside it).
 */
export function recordHash(record: object): string {
  return hashOfCanonicalBody(canonicalJson(recordBody(record)));
}

/**
 * The one byte form of a record's line (without its newline): the body's canonical JSON with
 * `hash`, then `mac` when there is one, appended as its last members. The hashed text is thus a
 * prefix of the line, and any other spelling of the same content is not a valid line.
 */
export function recordLine(canonicalBody: string, hash: string, mac: string | undefined): string {
  const macMember = mac === undefined ? "" : `,"mac":${canonicalJson(mac)}`;
  return `${canonicalBody.slice(0, -1)},"hash":${canonicalJson(hash)}${macMember}}`;
}

/** `mac` of a record: HMAC-SHA256 keyed with the audit key over the record's hex hash. */
export function recordMac(key: string | Uint8Array, hash: string): string {
  return createHmac("sha256", key).update(hash).digest("hex");
}
