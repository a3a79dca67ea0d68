import path from "node:path";

/** Longest stem kept in a log file name, so names stay well under file-system limits. */
export const MAX_STEM_LENGTH = 64;

/**
 * A file-name-safe stem: ASCII letters, digits, `.`, `_`, `-` only, no `..`, no leading dot or
 * dash, at most {@link MAX_STEM_LENGTH} characters; `run` when nothing usable is left.
 */
export function sanitiseStem(raw: string): string {
  const stem = raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+/, "")
    .slice(0, MAX_STEM_LENGTH)
    .replace(/[.-]+$/, "");
  return stem === "" ? "run" : stem;
}

/** `20261124T055013Z` for a date, in UTC. */
export function compactUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export interface LogNameParts {
  /** Incident id, when the run has one; it names the file in preference to the runbook. */
  readonly incidentId: string | undefined;
  readonly runbookPath: string;
  readonly startedAt: Date;
  /** Four lower-case hex digits. */
  readonly suffix: string;
}

/** `{sanitised incident id or runbook stem}-{UTC yyyymmddThhmmssZ}-{4 hex}.ndjson`. */
export function auditLogFileName(parts: LogNameParts): string {
  const source =
    parts.incidentId !== undefined && parts.incidentId.trim() !== ""
      ? parts.incidentId
      : path.basename(parts.runbookPath).replace(/\.(md|markdown)$/i, "");
  return `${sanitiseStem(source)}-${compactUtc(parts.startedAt)}-${parts.suffix}.ndjson`;
}
