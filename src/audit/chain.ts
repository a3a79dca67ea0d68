import { formatHead } from "./head.js";
import type { AuditHead, PreviousLogLink } from "./records.js";
import type { VerifyResult } from "./verify.js";

/** One log given to `replay`, verified on its own. */
export interface VerifiedLog {
  /** The path as the operator typed it. */
  readonly log: string;
  readonly result: VerifyResult;
}

/** What a resumed run's `run_start.previousLog` says it continued from. */
export type PreviousLogClaim = PreviousLogLink;

/**
 * A resumed log's link to the log it continued: `ok` when that log was given and holds the
 * head the resume saw, verified; `broken` when it was given and does not (it was changed after
 * the resume, or the link is forged); `missing` when no given log has that run id.
 */
export interface ChainLink {
  readonly status: "ok" | "broken" | "missing";
  readonly claim: PreviousLogClaim;
  /** The given log the link points to, when there is one. */
  readonly to: string | null;
  readonly message: string;
}

/** Logs linked by `previousLog`, oldest first; `links[i]` joins `logs[i]` to `logs[i + 1]`. */
export interface LogChain {
  readonly logs: readonly VerifiedLog[];
  /** The link of each log to its predecessor (`null` for a run that did not resume). */
  readonly links: ReadonlyMap<string, ChainLink | null>;
}

/** The `previousLog` a log's verified `run_start` names; `undefined` for a run that did not resume. */
export function previousLogClaim(result: VerifyResult): PreviousLogClaim | undefined {
  const first = result.records[0];
  if (first === undefined || !first.verified || first.record.type !== "run_start") return undefined;
  return first.record.previousLog ?? undefined;
}

/** Checks one log's link against the other logs given (pure). */
export function checkLink(
  from: VerifiedLog,
  given: readonly VerifiedLog[],
): { readonly link: ChainLink; readonly target: VerifiedLog | undefined } | undefined {
  const claim = previousLogClaim(from.result);
  if (claim === undefined) return undefined;
  const named = `\`${claim.path}\` (run ${claim.runId})`;
  const candidates = given.filter((other) => other !== from && other.result.runId === claim.runId);
  if (candidates.length === 0) {
    return {
      target: undefined,
      link: {
        status: "missing",
        claim,
        to: null,
        message: `resumes ${named}, which was not given: the link is not checked; replay that log together with this one`,
      },
    };
  }
  const holder = candidates.find((other) => holdsHead(other.result, claim.head));
  if (holder !== undefined) {
    return {
      target: holder,
      link: {
        status: "ok",
        claim,
        to: holder.log,
        message: `resumes \`${holder.log}\`, which holds the head ${formatHead(claim.head)} the resume started from`,
      },
    };
  }
  const target = candidates[0];
  return {
    target,
    link: {
      status: "broken",
      claim,
      to: target?.log ?? null,
      message: `resumes run ${claim.runId} at head ${formatHead(claim.head)}, but \`${target?.log ?? "?"}\` holds no such verified record: that log was changed after the resume, or the link was forged`,
    },
  };
}

function holdsHead(result: VerifyResult, head: AuditHead): boolean {
  return result.records.some(
    (entry) => entry.verified && entry.record.seq === head.seq && entry.record.hash === head.hash,
  );
}

/**
 * Groups the given logs into chains (pure): each log that no other given log resumes is the
 * end of a chain, followed back through its links while they point to a given log. A log two
 * runs resumed appears in both chains; a cycle of forged links ends the walk.
 */
export function buildChains(given: readonly VerifiedLog[]): LogChain[] {
  const links = new Map<VerifiedLog, ReturnType<typeof checkLink>>();
  for (const log of given) links.set(log, checkLink(log, given));
  const resumed = new Set<VerifiedLog>();
  for (const found of links.values()) if (found?.target !== undefined) resumed.add(found.target);
  const ends = given.filter((log) => !resumed.has(log));
  // Only a cycle leaves no end: start it at the first log given.
  const starts = ends.length > 0 ? ends : given.slice(0, 1);
  return starts.map((end) => {
    const order: VerifiedLog[] = [];
    const linkOf = new Map<string, ChainLink | null>();
    for (let at: VerifiedLog | undefined = end; at !== undefined;) {
      order.unshift(at);
      const found = links.get(at);
      const cycle = found?.target !== undefined && order.includes(found.target);
      linkOf.set(
        at.log,
        cycle && found !== undefined ? cycleLink(found.link) : (found?.link ?? null),
      );
      at = cycle ? undefined : found?.target;
    }
    return { logs: order, links: linkOf };
  });
}

/** Runs cannot resume each other in a circle: such links were forged. */
function cycleLink(link: ChainLink): ChainLink {
  return {
    ...link,
    status: "broken",
    message: `${link.message}; but that log also (directly or not) resumes this one: the links form a cycle, so they were forged`,
  };
}
