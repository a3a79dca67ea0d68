import { randomBytes } from "node:crypto";
import { createRequestStateCodec, type ServerContext } from "@modelcontextprotocol/server";
import { z } from "zod";
import { RELAY_QUESTION_KINDS, type RelayBinding } from "../../gate/relay.js";

const BINDING = z.strictObject({
  runId: z.string().min(1),
  kind: z.enum(RELAY_QUESTION_KINDS),
  step: z.number().int().min(1),
  stepHash: z.string().regex(/^[0-9a-f]{64}$/),
  nonce: z.string().min(16),
});

/** What an echoed request state turned out to be. */
export type OpenedState =
  | { readonly ok: true; readonly binding: RelayBinding }
  | {
      readonly ok: false;
      /** `malformed`, `mac` (tampered), `expired`, or `shape` (signed but not a binding). */
      readonly reason: string;
      /** What the state claims, unverified: only to say which run a forgery was aimed at. */
      readonly claimed: RelayBinding | undefined;
    };

/**
 * The request state a question travels with: the question's binding (run, kind, step, step
 * hash, one-time nonce), signed with HMAC-SHA256 under a key made for this process, expiring
 * with `approval_timeout_seconds`. Signed, not encrypted: it carries nothing secret.
 */
export class RequestStates {
  readonly #codec;

  constructor(options: { readonly ttlSeconds: number }) {
    this.#codec = createRequestStateCodec<RelayBinding>({
      key: randomBytes(32),
      ttlSeconds: Math.max(1, Math.ceil(options.ttlSeconds)),
    });
  }

  /** Seals a question's binding into the string the client must echo with its answer. */
  mint(binding: RelayBinding): Promise<string> {
    return this.#codec.mint(binding);
  }

  /** Verifies an echoed state; never throws. */
  async open(state: string, ctx: ServerContext): Promise<OpenedState> {
    let payload: unknown;
    try {
      payload = await this.#codec.verify(state, ctx);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "malformed";
      return { ok: false, reason, claimed: claimedBinding(state) };
    }
    const binding = BINDING.safeParse(payload);
    return binding.success
      ? { ok: true, binding: binding.data }
      : { ok: false, reason: "shape", claimed: undefined };
  }
}

/** The payload of `v1.<body>.<mac>` read without checking the MAC. */
function claimedBinding(state: string): RelayBinding | undefined {
  const body = state.split(".")[1];
  if (body === undefined) return undefined;
  try {
    const envelope: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    const parsed = z.object({ p: BINDING }).safeParse(envelope);
    return parsed.success ? parsed.data.p : undefined;
  } catch {
    return undefined;
  }
}
