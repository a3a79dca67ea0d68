import type { Finding } from "../../core/findings.js";
import { truncate } from "../escape/markdown.js";
import {
  commentCodeBlock,
  escapeCommentCell,
  escapeCommentMessage,
} from "../escape/github-comment.js";

/**
 * The short replies of ChatOps, each a comment of its own. Every piece of text from the thread,
 * the runbook or the tool's messages (which quote them) is escaped for comments.
 */

const MAX_FINDINGS = 20;

/** A malformed command: what is wrong, then the usage. */
export function usageReply(problem: string, usage: readonly string[]): string {
  return [
    `⚠️ ${escapeCommentMessage(problem)} Nothing ran.`,
    "",
    "Usage:",
    "",
    commentCodeBlock(usage.join("\n"), "text"),
  ].join("\n");
}

/** `/runbook help`: the usage and where runbooks may live. */
export function helpReply(usage: readonly string[], runbookDirs: readonly string[]): string {
  return [
    "runbook-exec ChatOps commands (first line of a comment):",
    "",
    commentCodeBlock(usage.join("\n"), "text"),
    "",
    `Runbooks run from ${runbookDirs.map((dir) => `<code>${escapeCommentCell(dir)}</code>`).join(", ")} ` +
      "on the default branch. Starting and steering a run needs write access to the repository.",
  ].join("\n");
}

/** The commenter lacks the permission a command needs. */
export function permissionReply(login: string, needed: string, command: string): string {
  return (
    `🚫 <code>${escapeCommentCell(login)}</code> cannot use <code>${escapeCommentCell(command)}</code>: ` +
    `it needs the <code>${escapeCommentCell(needed)}</code> permission (or higher) on this repository. Nothing ran.`
  );
}

/** A command refused for a reason the message gives (a path, the checkout, the event). */
export function refusedReply(reason: string): string {
  return `🚫 ${escapeCommentMessage(reason)} Nothing ran.`;
}

/** Another run is active in this thread. */
export function busyReply(statusUrl: string): string {
  return (
    `⏳ A runbook run is already active in this thread (${`[status](${encodeURI(statusUrl)})`}); ` +
    "wait for it to finish, or stop it with `/abort`. Nothing new ran."
  );
}

/** `/approve`, `/deny` or `/abort` with no run to steer. */
export function noActiveRunReply(command: string): string {
  return `ℹ️ No runbook run is active in this thread, so <code>${escapeCommentCell(command)}</code> changes nothing.`;
}

/** What `/runbook validate` found. */
export function validateReply(
  runbookPath: string,
  commit: string,
  findings: readonly Pick<Finding, "ruleId" | "severity" | "line" | "message">[],
): string {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.filter((finding) => finding.severity === "warning").length;
  const verdict = errors > 0 ? "❌" : "✅";
  const shown = findings
    .slice(0, MAX_FINDINGS)
    .map(
      (finding) =>
        `- line ${finding.line}: ${finding.severity} ${escapeCommentCell(finding.ruleId)}: ` +
        escapeCommentMessage(truncate(finding.message, 300)),
    );
  const more = findings.length > MAX_FINDINGS ? [`- … ${findings.length - MAX_FINDINGS} more`] : [];
  return [
    `${verdict} <code>${escapeCommentCell(runbookPath)}</code> at commit <code>${escapeCommentCell(commit)}</code>: ` +
      `${errors} error(s), ${warnings} warning(s).`,
    ...(shown.length === 0 ? [] : ["", ...shown, ...more]),
  ].join("\n");
}

/** The run could not start or failed unexpectedly; the message says why. */
export function errorReply(message: string, runUrl: string): string {
  return (
    `❌ runbook-exec could not complete the command: ${escapeCommentMessage(truncate(message, 1000))} ` +
    `See the [workflow run](${encodeURI(runUrl)}).`
  );
}
