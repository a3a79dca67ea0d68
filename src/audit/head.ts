import { RunbookExecError } from "../core/errors.js";
import type { AuditHead } from "./records.js";

/** A head given to `replay --expect-head`: the hash, and the seq when it was given too. */
export interface ExpectedHead {
  readonly seq: number | undefined;
  readonly hash: string;
}

/** The form the run publishes after each step and `--expect-head` accepts: `SEQ:HASH`. */
export function formatHead(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

/** Parses `SEQ:HASH` or a bare 64-hex `HASH`; a clear usage error otherwise. */
export function parseExpectedHead(text: string): ExpectedHead {
  const match = /^(?:(\d+):)?([0-9a-fA-F]{64})$/.exec(text.trim());
  const hash = match?.[2];
  if (match === null || hash === undefined) {
    throw new RunbookExecError(
      "USAGE",
      `--expect-head \`${text}\` is not a head; expected \`SEQ:HASH\` as printed after each step (e.g. \`12:9f86d0…\`, 64 hex digits)`,
    );
  }
  const seq = match[1] === undefined ? undefined : Number(match[1]);
  return { seq, hash: hash.toLowerCase() };
}
