import { createColors } from "picocolors";
import { formatHead } from "../../audit/head.js";
import { clip, escapeLine } from "../escape/terminal.js";
import type {
  Timeline,
  TimelineApproval,
  TimelineEntry,
  TimelineOperatorChoice,
  TimelineRun,
  TimelineStep,
} from "./timeline.js";
import type { VerifyResult } from "../../audit/verify.js";
import type { ChainLink } from "../../audit/chain.js";

export interface RenderTextOptions {
  readonly logPath: string;
  /** Name of the variable the key was (or would be) read from, for the mac line. */
  readonly keyEnv: string;
  /** Colour the break marker and the verdict (see `format/color.ts` for when). */
  readonly color: boolean;
  /** A resumed run's link to the log it continued (`null`: the run did not resume). */
  readonly link?: ChainLink | null;
}

type Colors = ReturnType<typeof createColors>;

const COLUMNS = [
  ["TIME (UTC)", 12],
  ["STEP", 28],
  ["RISK", 11],
  ["DECISION", 22],
  ["APPROVER", 14],
  ["EXIT", 7],
  ["DURATION", 8],
  ["OUTPUT", 0],
] as const;

/** The timeline and verdict `replay` prints for people. Every log-derived string is sanitised. */
export function renderText(
  result: VerifyResult,
  timeline: Timeline,
  options: RenderTextOptions,
): string {
  const c = createColors(options.color);
  const out: string[] = [`audit log ${escapeLine(options.logPath)}`];
  if (timeline.run !== null) out.push(...renderRun(timeline.run));
  if (options.link !== undefined && options.link !== null) out.push(linkLine(options.link, c));
  out.push("", mark(true, row(COLUMNS.map(([title]) => title))));
  for (const entry of timeline.entries) out.push(...renderEntry(entry, c));
  if (timeline.entries.some((entry) => entry.kind !== "broken" && !entry.verified)) {
    out.push("  (rows marked ? come after the break: nothing in them can be trusted)");
  }
  out.push("", verdict(result, c), macLine(result, options.keyEnv));
  return `${out.join("\n")}\n`;
}

function renderRun(run: TimelineRun): string[] {
  const mark = run.verified ? "" : " ? (unverified)";
  const lines = [
    `run       ${safe(run.runId)}  started ${safe(run.startedAt)}  tool ${safe(run.toolVersion)}  mode ${safe(run.mode)}${mark}`,
    `runbook   ${safe(run.runbookPath)}  sha256 ${safe(run.runbookSha256)}`,
    `host      ${safe(run.host)}  user ${safe(run.user)}${run.incidentId === null ? "" : `  incident ${safe(run.incidentId)}`}`,
  ];
  if (run.ci !== null) {
    lines.push(
      `ci        ${safe(run.ci.repository)}  run ${safe(run.ci.runId)}  actor ${safe(run.ci.actor)}  event ${safe(run.ci.event)}`,
    );
  }
  if (run.previousLog !== null) {
    lines.push(
      `resumes   ${safe(run.previousLog.path)}  run ${safe(run.previousLog.runId)}  head ${safe(run.previousLog.head)}`,
    );
  }
  return lines;
}

/** Whether the log a resumed run names was given, and holds the head the resume saw. */
export function linkLine(link: ChainLink, c: Colors): string {
  const message = `link      ${escapeLine(link.message)}`;
  switch (link.status) {
    case "ok":
      return c.green(`${message} ✓`);
    case "broken":
      return c.red(c.bold(`${message} ✗ BROKEN LINK`));
    case "missing":
      return c.yellow(message);
  }
}

function renderEntry(entry: TimelineEntry, c: Colors): string[] {
  switch (entry.kind) {
    case "broken":
      return [
        c.red(
          c.bold(
            `✗ BROKEN at line ${entry.line} (seq ${entry.seq}): ${entry.reason.replaceAll("_", " ")}: ${escapeLine(entry.message)}`,
          ),
        ),
      ];
    case "step":
      // Earlier answers of the same attempt (a resumed step's choice, …) first, each its own row.
      return [
        ...entry.approvals
          .slice(0, -1)
          .map((approval) => mark(approval.verified, row(approvalCells(entry, approval)))),
        mark(entry.verified, row(stepCells(entry))),
      ];
    case "operator":
      return [mark(entry.verified, operatorLine(entry))];
    case "decision": {
      const skips = entry.skipSteps.length === 0 ? "" : ` skipping ${entry.skipSteps.join(", ")}`;
      const target = `${skips}${entry.toStep === null ? "" : ` to step ${entry.toStep}`}`;
      const why = entry.rationale === null ? "" : `: ${clip(escapeLine(entry.rationale), 100)}`;
      return [
        mark(
          entry.verified,
          `${time(entry.time)}  decision after step ${entry.afterStep ?? "?"}: ${safe(entry.action)}${target} (${safe(entry.source)})${why}`,
        ),
      ];
    }
    case "end": {
      const counts = Object.entries(entry.counts)
        .map(([key, value]) => `${value} ${escapeLine(key)}`)
        .join(", ");
      const signal = entry.signal === null ? "" : ` on ${safe(entry.signal)}`;
      return [
        mark(
          entry.verified,
          `${time(entry.time)}  run_end: ${safe(entry.status)}${signal}, exit ${entry.exitCode ?? "?"}, ${duration(entry.durationMs)} (${counts})`,
        ),
      ];
    }
  }
}

/** An answer at the gate that a later one in the same attempt followed, as its own row. */
function approvalCells(step: TimelineStep, approval: TimelineApproval): string[] {
  const name = step.name === null ? "" : ` ${escapeLine(step.name)}`;
  return [
    time(approval.time),
    `${step.step}${name}`,
    step.risk ?? "-",
    `${approval.decision ?? "?"}${approval.channel === null ? "" : ` (${approval.channel})`}`,
    approval.approver ?? "-",
    "-",
    "-",
    `${withdrawnNote(approval)}${clip(escapeLine(approval.detail ?? ""), 60)}`,
  ].map((cell) => escapeLine(cell));
}

/** `(slack withdrawn) `: channels the winning answer withdrew. */
function withdrawnNote(approval: TimelineApproval | undefined): string {
  if (approval === undefined || approval.withdrawn.length === 0) return "";
  return `(${approval.withdrawn.map((channel) => escapeLine(channel)).join(", ")} withdrawn) `;
}

/** `operator after step 2 denied: retry (terminal, bob)`, or why nobody chose. */
function operatorLine(entry: TimelineOperatorChoice): string {
  const who =
    entry.channel === null
      ? "nobody to ask"
      : `${safe(entry.channel)}${entry.by === null ? "" : `, ${safe(entry.by)}`}`;
  const how = entry.how === "answered" || entry.how === null ? "" : `: ${describeHow(entry.how)}`;
  const detail = entry.detail === null ? "" : ` (${clip(escapeLine(entry.detail), 80)})`;
  return `${time(entry.time)}  operator after step ${entry.step ?? "?"} ${safe(entry.problem)}${detail}: ${safe(entry.choice)} (${who})${how}`;
}

function describeHow(how: string): string {
  switch (how) {
    case "timeout":
      return "nobody answered in time";
    case "input_ended":
      return "the terminal's input ended";
    case "interrupted":
      return "the run was interrupted";
    case "channel_error":
      return "the question could not be asked";
    case "conflict":
      return "the answers disagreed";
    case "no_operator":
      return "there was nobody to ask";
    default:
      return escapeLine(how);
  }
}

function stepCells(step: TimelineStep): string[] {
  const name = step.name === null ? "" : ` ${escapeLine(step.name)}`;
  const decision =
    step.decision === null
      ? "-"
      : `${step.decision}${step.channel === null ? "" : ` (${step.channel})`}`;
  const exit =
    step.status === "skipped"
      ? `skip`
      : step.timedOut === true
        ? "timeout"
        : step.signal !== null
          ? step.signal
          : step.exitCode === null
            ? step.status === "started"
              ? "running"
              : "-"
            : String(step.exitCode);
  const skip = step.skipReason === null ? "" : `(skipped: ${step.skipReason}) `;
  const withdrawn = withdrawnNote(step.approvals[step.approvals.length - 1]);
  return [
    time(step.time),
    `${step.step}${name}`,
    step.risk ?? "-",
    decision,
    step.approver ?? "-",
    exit,
    duration(step.durationMs),
    `${skip}${withdrawn}${excerpt(step)}`,
  ].map((cell) => escapeLine(cell));
}

function excerpt(step: TimelineStep): string {
  if (step.output === null) return "";
  const source = step.output.tail !== "" ? step.output.tail : step.output.head;
  const lines = source.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
  return clip(escapeLine(lines[lines.length - 1] ?? ""), 60);
}

function row(cells: readonly string[]): string {
  return cells
    .map((cell, index) => {
      const width = COLUMNS[index]?.[1] ?? 0;
      return width === 0 ? cell : clip(cell, width).padEnd(width);
    })
    .join("  ")
    .trimEnd();
}

function mark(verified: boolean, line: string): string {
  return verified ? `  ${line}` : `? ${line}`;
}

function verdict(result: VerifyResult, c: Colors): string {
  const head = result.head === undefined ? "none" : formatHead(result.head);
  const count = result.records.filter((entry) => entry.verified).length;
  switch (result.status) {
    case "intact":
      return c.green(`✓ INTACT: ${count} records, chain verified, run complete. head ${head}`);
    case "incomplete":
      return c.yellow(
        `… INCOMPLETE: chain intact for ${count} records, but ${result.incomplete.map(describeIncomplete).join(" and ")}. head ${head}`,
      );
    case "tampered": {
      const broken = result.broken;
      return c.red(
        broken === undefined
          ? "✗ TAMPERED"
          : `✗ TAMPERED: first broken record at line ${broken.line} (seq ${broken.seq}): ${broken.reason}. Last verified head ${head}`,
      );
    }
  }
}

function describeIncomplete(reason: VerifyResult["incomplete"][number]): string {
  switch (reason) {
    case "empty_log":
      return "the log is empty";
    case "torn_last_line":
      return "the last line was cut off mid-write";
    case "no_run_end":
      return "there is no run_end (the run crashed, is still going, or its end was cut off)";
  }
}

function macLine(result: VerifyResult, keyEnv: string): string {
  switch (result.macs) {
    case "checked":
      return `macs: checked with the key from ${keyEnv}`;
    case "not_checked":
      return `macs: present but NOT checked; set ${keyEnv} (or pass --key-env VAR) to check them`;
    case "absent":
      return "macs: none (the log was written without a key)";
  }
}

function time(ts: string): string {
  return /T(\d\d:\d\d:\d\d\.\d{3})/.exec(ts)?.[1] ?? escapeLine(ts);
}

function duration(ms: number | null): string {
  if (ms === null) return "-";
  return ms < 1000 ? `${Math.round(ms)}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function safe(value: string | null): string {
  return value === null ? "-" : escapeLine(value);
}
