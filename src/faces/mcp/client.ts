import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  type Server,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { z } from "zod";
import type { RelayingClient } from "../../gate/relayed-approval.js";

const INFO = z.object({ name: z.string().min(1).max(200), version: z.string().max(200) });
const CAPABILITIES = z.object({
  elicitation: z
    .object({ form: z.object({}).loose().optional() })
    .loose()
    .optional(),
});

/** Who is calling, as the client itself says: its name, version, and whether it can ask its user. */
export interface CallingClient extends RelayingClient {
  /** The client declared form elicitation (an empty `elicitation` object means form, per spec). */
  readonly elicitation: boolean;
}

/**
 * The calling client from the request's own envelope (protocol 2026-07-28) or from what it said
 * at `initialize` (2025 revisions). Self-reported: good for the record, never for trust.
 */
export function callingClient(ctx: ServerContext, server: Server): CallingClient {
  const envelope: Readonly<Record<string, unknown>> = ctx.mcpReq.envelope ?? {};
  const modern = envelope[CLIENT_INFO_META_KEY] !== undefined;
  const info = INFO.safeParse(modern ? envelope[CLIENT_INFO_META_KEY] : server.getClientVersion());
  const capabilities = CAPABILITIES.safeParse(
    modern ? envelope[CLIENT_CAPABILITIES_META_KEY] : server.getClientCapabilities(),
  );
  const elicitation = capabilities.success ? capabilities.data.elicitation : undefined;
  return {
    name: info.success ? printable(info.data.name) : "unknown client",
    version: info.success ? printable(info.data.version) : "unknown version",
    elicitation:
      elicitation !== undefined &&
      (elicitation.form !== undefined || Object.keys(elicitation).length === 0),
  };
}

/** A client's self-reported name as it may appear in a record: printable, one line. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?");
}
