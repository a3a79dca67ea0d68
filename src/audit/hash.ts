import { createHash, createHmac } from "node:crypto";
import canonicalize from "canonicalize";
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

/** A parameter as the step hash sees it. */
export interface HashedParameter {
  readonly name: string;
  readonly value: string | undefined;
  readonly secret: boolean;
}

/**
 * sha256 that identifies what a step runs: the exact scripts with their interpreters, in order,
 * and the names and values of the parameters it receives (safety invariant 12), so an approval
 * is for those exact values. Line numbers and fence attributes are left out on purpose, so
 * moving a step or editing prose does not invalidate an approval, while any change to what runs
 * does. A secret's value is left out too: the hash is written to the audit log, and a short
 * password could be recovered from it by guessing; the approver never sees that value anyway.
 * A step without parameters hashes exactly as before parameters existed.
 */
export function stepHash(
  commands: readonly Pick<Command, "script" | "interpreter">[],
  parameters: readonly HashedParameter[] = [],
): string {
  const scripts = commands.map((command) => ({
    program: command.interpreter.program,
    args: command.interpreter.args,
    scriptVia: command.interpreter.scriptVia,
    script: command.script,
  }));
  const material =
    parameters.length === 0
      ? scripts
      : {
          scripts,
          parameters: [...parameters]
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
            .map(({ name, value, secret }) =>
              secret
                ? { name, secret: true, bound: value !== undefined }
                : { name, value: value ?? null },
            ),
        };
  return createHash("sha256")
    .update(STEP_HASH_DOMAIN + canonicalJson(material))
    .digest("hex");
}
