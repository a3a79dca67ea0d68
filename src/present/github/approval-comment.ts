import type { RiskLevel } from "../../core/risk.js";
import type { CommentIgnoreReason } from "../../gate/github-comments.js";
import type { ApprovalCommand, ApprovalRequest } from "../../gate/types.js";
import type { Redact } from "../../redact/redactor.js";
import {
  commentCodeBlock,
  commentLink,
  escapeCommentMessage,
  escapeCommentText,
} from "../escape/github-comment.js";
import { truncate } from "../escape/markdown.js";

/** The run an approval belongs to, as the comments show it. */
export interface CommentRunInfo {
  /** `GITHUB_RUN_ID`, or `local`. */
  readonly runId: string;
  /** The workflow run's page, when the runner says where it is. */
  readonly runUrl: string | undefined;
  readonly stepCount: number;
  /** Who started the run (`GITHUB_TRIGGERING_ACTOR`, else `GITHUB_ACTOR`). */
  readonly actor: string | undefined;
}

/** Who may answer, as the request states it. */
export interface CommentApproverSummary {
  /** `approvers`: logins and `org/team` entries. */
  readonly listed: readonly string[];
  readonly preventSelfApproval: boolean;
}

/** Who answered and where. */
export interface CommentAnswer {
  readonly login: string;
  readonly url: string;
}

/** A comment may hold 65,536 characters; the request stays below this many. */
const BODY_LIMIT = 60_000;
/** Scripts are cut past this many characters, with a note. */
const SCRIPT_LIMIT = 12_000;
/** The step's text; titles, paths, headings, reasons and parameters get {@link SHORT_LIMIT}. */
const TEXT_LIMIT = 2_000;
const SHORT_LIMIT = 300;

const RISK_WORDS: Readonly<Record<RiskLevel, string>> = {
  read_only: "🟢 read-only",
  modifying: "🟡 modifying",
  destructive: "🔴 **destructive**",
};

/** A login as code: no mention, no ping (logins hold only letters, digits, `-` and `[bot]`). */
export function loginCode(login: string): string {
  return /^[A-Za-z0-9[\]-]+$/.test(login) ? `\`${login}\`` : escapeCommentText(login);
}

/**
 * Pure: the request comment. Every runbook string is redacted and escaped; each script is shown
 * as it will run in a code block nothing can close, cut only past {@link SCRIPT_LIMIT}
 * characters with a note saying so; the full step hash binds the answer to what was shown. A
 * step too big for one comment keeps its head, hash and instructions, and says what it left out.
 */
export function renderApprovalRequest(
  request: ApprovalRequest,
  info: CommentRunInfo,
  approvers: CommentApproverSummary,
  redact: Redact,
): string {
  const { step } = request;
  const text = (raw: string, max = SHORT_LIMIT): string =>
    escapeCommentText(truncate(redact(raw), max));
  const head = [
    `### runbook-exec: approve step ${step.index} of ${info.stepCount}?`,
    "",
    `**Runbook:** ${text(request.runbookTitle)} (${text(request.runbookPath)})${runLink(info)}`,
    `**Section:** ${text(step.section) || "(none)"}`,
    `**Step ${step.index}:** ${text(step.text, TEXT_LIMIT)}`,
    `**Risk:** ${RISK_WORDS[step.risk]} (from ${text(step.riskSource)})`,
  ].join("\n");
  // Scripts are what is approved: when not everything fits, they are kept first.
  const parts: Part[] = step.reasons.map((reason) => ({
    rank: 1,
    text: `- ${text(reason.ruleId)}: ${escapeCommentMessage(truncate(redact(reason.message), SHORT_LIMIT))}`,
  }));
  const parameters = step.parameters ?? [];
  if (parameters.length > 0)
    parts.push({ rank: 0, text: "\n**Parameters** (passed as environment variables):" });
  for (const parameter of parameters)
    parts.push({ rank: 2, text: `- ${text(parameter.name)} = ${text(parameter.value)}` });
  step.commands.forEach((command, offset) => {
    const lines = scriptLines(command, offset, step.commands.length, redact);
    parts.push({ rank: 0, text: ["", ...lines].join("\n") });
  });
  const foot = [
    "",
    `**Step hash:** \`${request.stepHash}\``,
    "",
    `To answer, post a new comment whose first line is \`/approve ${step.index}\` or \`/deny ${step.index}\`. ` +
      whoMayAnswer(step.risk, info, approvers),
  ].join("\n");
  return [head, ...fitParts(parts, BODY_LIMIT - head.length - foot.length), foot].join("\n");
}

/** A piece of the request's middle; lower ranks are kept first when not all fit. */
interface Part {
  readonly rank: number;
  readonly text: string;
}

/** The parts that fit in `room` characters, kept by rank, shown in order, and a note. */
function fitParts(parts: readonly Part[], room: number): string[] {
  let left = room - 300;
  const kept = new Set<Part>();
  for (const part of [...parts].sort((a, b) => a.rank - b.rank)) {
    if (part.text.length + 1 > left) continue;
    kept.add(part);
    left -= part.text.length + 1;
  }
  const shown = parts.filter((part) => kept.has(part)).map((part) => part.text);
  const dropped = parts.length - kept.size;
  if (dropped > 0)
    shown.push(
      "",
      `⚠️ ${dropped} part(s) of this step (reasons, parameters or scripts) do not fit in one GitHub comment and are not shown. Read the step in the runbook before approving; deny it when unsure.`,
    );
  return shown;
}

function runLink(info: CommentRunInfo): string {
  return info.runUrl === undefined
    ? ` · run ${escapeCommentText(info.runId)}`
    : ` · ${commentLink(`workflow run ${escapeCommentText(info.runId)}`, info.runUrl)}`;
}

function scriptLines(
  command: ApprovalCommand,
  offset: number,
  count: number,
  redact: Redact,
): string[] {
  const runsAs =
    command.interpreter === undefined
      ? ""
      : `, runs as ${escapeCommentText([command.interpreter.program, ...command.interpreter.args].join(" "))}`;
  const detach =
    command.detach === true ? " · ⚠️ `detach=true`: what it starts outlives the step" : "";
  const script = redact(command.script);
  const lines = [
    `**Script ${offset + 1} of ${count}** (${escapeCommentText(command.language) || "default shell"}${runsAs})${detach}`,
    commentCodeBlock(truncate(script, SCRIPT_LIMIT), command.language),
  ];
  if (script.length > SCRIPT_LIMIT)
    lines.push(
      `⚠️ Cut: ${SCRIPT_LIMIT - 1} of ${script.length} characters shown. Read the whole script in the runbook before approving.`,
    );
  return lines;
}

function whoMayAnswer(
  risk: RiskLevel,
  info: CommentRunInfo,
  approvers: CommentApproverSummary,
): string {
  const listed =
    approvers.listed.length === 0
      ? ""
      : ` or listed in \`approvers\` (${approvers.listed.map(escapeCommentText).join(", ")})`;
  const self =
    risk === "destructive" && approvers.preventSelfApproval && info.actor !== undefined
      ? ` ${loginCode(info.actor)} started this run and cannot approve this destructive step.`
      : "";
  return `Only people with write access to this repository${listed} count; edited comments and bots never do.${self}`;
}

/** Pure: the answer to a decision, posted in the issue. */
export function renderDecision(
  step: number,
  decision: "approved" | "denied",
  answer: CommentAnswer,
): string {
  const word = decision === "approved" ? "✅ **Approved**" : "❌ **Denied**";
  return `${word}: step ${step}, by ${loginCode(answer.login)} in ${commentLink("this comment", answer.url)}.`;
}

const WHY_IGNORED: Readonly<Record<CommentIgnoreReason, string>> = {
  edited: "an edited comment does not count; post a new comment",
  bot: "answers from bots and apps never count",
  other_step: "it names another step",
  self_approval:
    "whoever started the run cannot approve its destructive steps (`prevent-self-approval`)",
  not_allowed: "only people with write access to the repository or listed in `approvers` count",
  check_failed: "their permission could not be checked",
};

/** Pure: the reply to an answer that did not count. */
export function renderIgnoredReply(
  step: number,
  reason: CommentIgnoreReason,
  answer: CommentAnswer,
  detail?: string,
): string {
  const why = WHY_IGNORED[reason];
  const more = detail === undefined ? "" : ` (${escapeCommentMessage(detail)})`;
  return `Ignored ${commentLink("this answer", answer.url)} from ${loginCode(answer.login)} for step ${step}: ${why}${more}.`;
}

/** Pure: what the issue says when a request ends without an answer here. */
export function renderClosedRequest(
  step: number,
  end:
    | { readonly kind: "expired"; readonly seconds: number }
    | { readonly kind: "withdrawn"; readonly why: string }
    | { readonly kind: "failed"; readonly error: string },
): string {
  switch (end.kind) {
    case "expired":
      return `⌛ **Expired**: nobody approved step ${step} within ${end.seconds} s; the step was denied.`;
    case "withdrawn":
      return `↩️ **Withdrawn**: step ${step} was ${escapeCommentMessage(end.why)}. Answers here no longer count.`;
    case "failed":
      return `⚠️ **Denied**: asking here failed (${escapeCommentMessage(end.error)}).`;
  }
}

/** Pure: the issue opened when the run has no `issue-number`. */
export function renderApprovalIssue(
  runbook: { readonly title: string; readonly path: string },
  info: CommentRunInfo,
  redact: Redact,
): { readonly title: string; readonly body: string } {
  // A title is plain text (no entities); invisible characters, line breaks and mention or
  // reference triggers are kept out of it.
  const plain = redact(runbook.title)
    .replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/[@#]/g, "$&\u200b")
    .replace(/GH-/gi, (match) => `${match.slice(0, 2)}\u200b-`);
  const title = truncate(`runbook-exec approvals: ${plain} (run ${info.runId})`, 200);
  const body = [
    `Approvals for ${escapeCommentText(redact(runbook.title))} (${escapeCommentText(redact(runbook.path))})${runLink(info)}.`,
    "",
    "Each step that needs a person is asked in a comment below. This issue is closed when the run ends.",
  ].join("\n");
  return { title, body };
}
