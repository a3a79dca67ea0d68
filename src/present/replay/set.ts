import { createColors } from "picocolors";
import type { ChainLink, LogChain } from "../../audit/chain.js";
import type { ReplayOutcome } from "../../app/replay.js";
import { escapeLine } from "../escape/terminal.js";
import { buildTimeline } from "./timeline.js";
import { buildReport, type ReplayReport, type ReplaySetReport } from "./json.js";
import { renderText } from "./text.js";

/** Exit code → the verdict of the whole set. */
const STATUS_OF: Readonly<Record<number, ReplaySetReport["status"]>> = {
  0: "intact",
  1: "tampered",
  2: "unreadable",
  3: "incomplete",
};

/** What each verified log's report is built with: the exit code it has alone. */
export type ExitCodeOfLog = (status: ReplayReport["status"]) => number;

/** Builds the several-log `--json` document. */
export function buildSetReport(outcome: ReplayOutcome, exitOf: ExitCodeOfLog): ReplaySetReport {
  const reports = new Map(
    outcome.verified.map((log) => [log, logReport(outcome, log.log, exitOf)] as const),
  );
  return {
    schemaVersion: 1,
    status: STATUS_OF[outcome.exitCode] ?? "tampered",
    exitCode: outcome.exitCode,
    logs: [...reports.values()],
    unreadable: outcome.unreadable.map(({ log, error }) => ({
      log,
      line: error.line ?? null,
      message: error.message,
    })),
    chains: outcome.chains.map((chain) => ({
      logs: chain.logs.map((log) => log.log),
      links: chain.logs.map((log) => reports.get(log)?.link ?? null),
      complete: chainComplete(chain),
    })),
  };
}

/** One log's document, as `replay --json LOG` prints it alone, with its link. */
export function logReport(
  outcome: ReplayOutcome,
  log: string,
  exitOf: ExitCodeOfLog,
): ReplayReport {
  const found = outcome.verified.find((entry) => entry.log === log);
  if (found === undefined) throw new Error(`${log} was not verified`);
  const { result } = found;
  return buildReport(result, buildTimeline(result), {
    logPath: log,
    exitCode: exitOf(result.status),
    expectHead: undefined,
    link: linkOf(outcome, log),
  });
}

/** The link a log has in whichever chain holds it. */
export function linkOf(outcome: ReplayOutcome, log: string): ChainLink | null {
  for (const chain of outcome.chains) {
    const link = chain.links.get(log);
    if (link !== undefined) return link;
  }
  return null;
}

function chainComplete(chain: LogChain): boolean {
  return chain.logs[chain.logs.length - 1]?.result.status === "intact";
}

/** Options of {@link renderSetText}. */
export interface SetTextOptions {
  readonly keyEnv: string;
  readonly color: boolean;
}

/**
 * Several logs for people: each chain oldest log first, each log's own timeline and verdict
 * with its link, then one line per chain and the verdict of the whole.
 */
export function renderSetText(outcome: ReplayOutcome, options: SetTextOptions): string {
  const c = createColors(options.color);
  const out: string[] = [];
  outcome.chains.forEach((chain, index) => {
    const title = `chain ${index + 1} of ${outcome.chains.length}: ${chain.logs.length} log${chain.logs.length === 1 ? "" : "s"}, oldest first`;
    out.push(c.bold(`═══ ${title}`), "");
    for (const { log, result } of chain.logs) {
      out.push(
        renderText(result, buildTimeline(result), {
          logPath: log,
          keyEnv: options.keyEnv,
          color: options.color,
          link: chain.links.get(log) ?? null,
        }),
      );
    }
  });
  out.push(c.bold("═══ summary"));
  outcome.chains.forEach((chain, index) => out.push(chainLine(chain, index)));
  for (const { error } of outcome.unreadable) out.push(c.red(`✗ ${escapeLine(error.describe())}`));
  out.push(verdict(outcome, c));
  return `${out.join("\n")}\n`;
}

function chainLine(chain: LogChain, index: number): string {
  const names = chain.logs.map((log) => escapeLine(log.log)).join(" → ");
  const links = [...chain.links.values()];
  const state = links.some((link) => link?.status === "broken")
    ? "a link is BROKEN"
    : chain.logs.some((log) => log.result.status === "tampered")
      ? "a log is TAMPERED"
      : links.some((link) => link?.status === "missing")
        ? "its first log resumes a log that was not given"
        : chainComplete(chain)
          ? "intact, the last run complete"
          : "intact, but the last run is incomplete";
  return `chain ${index + 1}: ${names}: ${state}`;
}

function verdict(outcome: ReplayOutcome, c: ReturnType<typeof createColors>): string {
  const logs = `${outcome.verified.length + outcome.unreadable.length} logs`;
  switch (STATUS_OF[outcome.exitCode]) {
    case "intact":
      return c.green(`✓ INTACT: ${logs}, every chain and link verified, every last run complete.`);
    case "incomplete":
      return c.yellow(`… INCOMPLETE: ${logs} intact, but the last run of a chain has no run_end.`);
    case "unreadable":
      return c.red(`✗ UNREADABLE: ${logs}; one of them could not be read (above).`);
    default:
      return c.red(`✗ TAMPERED: ${logs}; a log or a link between them is broken (above).`);
  }
}
