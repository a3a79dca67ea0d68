import type { ExpectedHead } from "../../audit/head.js";
import type { Timeline } from "./timeline.js";
import type { VerifyResult } from "../../audit/verify.js";
import { escapeJsonForTerminal } from "../escape/terminal.js";
import type { ChainLink } from "../../audit/chain.js";

/** `replay --json`: one document, shape documented in the README (`replay --json`). */
export interface ReplayReport {
  readonly schemaVersion: 1;
  readonly log: string;
  readonly status: VerifyResult["status"];
  readonly exitCode: number;
  readonly runId: string | null;
  readonly records: { readonly total: number; readonly verified: number };
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly expectedHead: {
    readonly seq: number | null;
    readonly hash: string;
    readonly found: boolean | null;
  } | null;
  readonly macs: VerifyResult["macs"];
  readonly broken: VerifyResult["broken"] | null;
  readonly incomplete: VerifyResult["incomplete"];
  readonly run: Timeline["run"];
  readonly timeline: Timeline["entries"];
  /** A resumed run's link to the log it continued; `null` when the run did not resume. */
  readonly link: LinkReport | null;
}

/** {@link ChainLink} as `--json` shows it. */
export interface LinkReport {
  readonly status: ChainLink["status"];
  /** The given log the link points to; `null` when it is missing. */
  readonly to: string | null;
  readonly path: string | null;
  readonly runId: string | null;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly message: string;
}

/** `replay --json` of several logs: each log's one-log document, the chains, and the verdict. */
export interface ReplaySetReport {
  readonly schemaVersion: 1;
  readonly status: "intact" | "incomplete" | "tampered" | "unreadable";
  readonly exitCode: number;
  readonly logs: readonly ReplayReport[];
  readonly unreadable: readonly {
    readonly log: string;
    readonly line: number | null;
    readonly message: string;
  }[];
  /** Oldest log first; `links[i]` is the link of `logs[i]` to the log it resumed. */
  readonly chains: readonly {
    readonly logs: readonly string[];
    readonly links: readonly (LinkReport | null)[];
    readonly complete: boolean;
  }[];
}

export interface ReportInput {
  readonly logPath: string;
  readonly exitCode: number;
  readonly expectHead: ExpectedHead | undefined;
  readonly link: ChainLink | null;
}

/** Builds the `--json` document. */
export function buildReport(
  result: VerifyResult,
  timeline: Timeline,
  input: ReportInput,
): ReplayReport {
  const expect = input.expectHead;
  return {
    schemaVersion: 1,
    log: input.logPath,
    status: result.status,
    exitCode: input.exitCode,
    runId: result.runId ?? null,
    records: {
      total: result.records.length,
      verified: result.records.filter((entry) => entry.verified).length,
    },
    head: result.head ?? null,
    expectedHead:
      expect === undefined
        ? null
        : { seq: expect.seq ?? null, hash: expect.hash, found: headFound(result) },
    macs: result.macs,
    broken: result.broken ?? null,
    incomplete: result.incomplete,
    run: timeline.run,
    timeline: timeline.entries,
    link: input.link === null ? null : linkReport(input.link),
  };
}

function linkReport(link: ChainLink): LinkReport {
  const { status, to, message, claim } = link;
  return { status, to, path: claim.path, runId: claim.runId, head: claim.head, message };
}

/** The document as printed: indented, with terminal-active characters escaped. */
export function renderJson(report: ReplayReport | ReplaySetReport): string {
  return `${escapeJsonForTerminal(JSON.stringify(report, null, 2))}\n`;
}

/** `null` when an earlier break stopped verification before the head could be looked for. */
function headFound(result: VerifyResult): boolean | null {
  if (result.broken === undefined) return true;
  return result.broken.reason === "head_mismatch" ? false : null;
}
