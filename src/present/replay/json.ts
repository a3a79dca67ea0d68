import type { ExpectedHead } from "../../audit/head.js";
import type { Timeline } from "./timeline.js";
import type { VerifyResult } from "../../audit/verify.js";
import { escapeJsonForTerminal } from "../escape/terminal.js";

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
}

export interface ReportInput {
  readonly logPath: string;
  readonly exitCode: number;
  readonly expectHead: ExpectedHead | undefined;
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
  };
}

/** The document as printed: indented, with terminal-active characters escaped. */
export function renderJson(report: ReplayReport): string {
  return `${escapeJsonForTerminal(JSON.stringify(report, null, 2))}\n`;
}

/** `null` when an earlier break stopped verification before the head could be looked for. */
function headFound(result: VerifyResult): boolean | null {
  if (result.broken === undefined) return true;
  return result.broken.reason === "head_mismatch" ? false : null;
}
