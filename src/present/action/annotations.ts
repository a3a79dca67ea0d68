import type { RunbookExecError } from "../../core/errors.js";
import { messageWithFix } from "../validate/fix.js";
import type { Severity } from "../../core/findings.js";
import type { ValidationReport } from "../../core/report.js";
import { showHiddenChars } from "../../core/hidden-chars.js";
import { truncate } from "../escape/markdown.js";

/** The three workflow-command annotation kinds, most severe first. */
export const ANNOTATION_KINDS = ["error", "warning", "notice"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** The runner shows at most this many annotations of each kind per step. */
export const ANNOTATIONS_PER_KIND = 10;
/** The runner cuts an annotation's message at this many characters. */
export const ANNOTATION_MESSAGE_LIMIT = 4096;

/** One annotation; `file` is relative to the workspace, positions are 1-based. */
export interface Annotation {
  readonly kind: AnnotationKind;
  readonly message: string;
  readonly title?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** The annotations to print, and how many of each kind the runner's limits left out. */
export interface AnnotationPlan {
  readonly shown: readonly Annotation[];
  readonly hidden: Readonly<Record<AnnotationKind, number>>;
}

const KIND_OF: Readonly<Record<Severity, AnnotationKind>> = {
  error: "error",
  warning: "warning",
  info: "notice",
};

/** What {@link findingAnnotations} needs besides the report. */
export interface FindingAnnotationOptions {
  /** Workspace-relative path for a report path. */
  readonly relativePath: (file: string) => string;
  /** Alias of a rule id, `undefined` when the id is unknown. */
  readonly aliasOf: (ruleId: string) => string | undefined;
}

/** `RB001 (fence-at-margin)`, the label the CLI's `github` format uses too. */
export function ruleTitle(ruleId: string, aliasOf: (ruleId: string) => string | undefined): string {
  const alias = aliasOf(ruleId);
  return alias === undefined ? ruleId : `${ruleId} (${alias})`;
}

/** One annotation per unreadable file, then one per finding, in report order. */
export function findingAnnotations(
  report: ValidationReport,
  unreadable: readonly RunbookExecError[],
  options: FindingAnnotationOptions,
): Annotation[] {
  const annotations: Annotation[] = unreadable.map((error) => ({
    kind: "error",
    title: `runbook-exec: ${error.code}`,
    message: error.message,
    ...(error.file === undefined ? {} : { file: options.relativePath(error.file) }),
    ...(error.line === undefined ? {} : { line: error.line }),
  }));
  for (const runbook of report.runbooks) {
    for (const finding of runbook.findings) {
      annotations.push({
        kind: KIND_OF[finding.severity],
        title: ruleTitle(finding.ruleId, options.aliasOf),
        message: messageWithFix(finding),
        file: options.relativePath(runbook.path),
        line: finding.line,
        column: finding.column,
      });
    }
  }
  return annotations;
}

/**
 * Keep the first {@link ANNOTATIONS_PER_KIND} candidates of each kind, errors before warnings
 * before notices (candidates keep their order within a kind), with messages cut to the
 * runner's limit; count the rest so the summary can say what the log does not show.
 */
export function planAnnotations(candidates: readonly Annotation[]): AnnotationPlan {
  const shown: Annotation[] = [];
  const hidden: Record<AnnotationKind, number> = { error: 0, warning: 0, notice: 0 };
  for (const kind of ANNOTATION_KINDS) {
    const ofKind = candidates.filter((candidate) => candidate.kind === kind);
    for (const candidate of ofKind.slice(0, ANNOTATIONS_PER_KIND)) {
      // @actions/core escapes line breaks and `%`; other controls (ANSI, bidi) are shown, not obeyed.
      const message = truncate(showHiddenChars(candidate.message), ANNOTATION_MESSAGE_LIMIT);
      shown.push({ ...candidate, message });
    }
    hidden[kind] = Math.max(0, ofKind.length - ANNOTATIONS_PER_KIND);
  }
  return { shown, hidden };
}
