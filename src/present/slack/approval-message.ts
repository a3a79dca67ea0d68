import type { ApprovalCommand, ApprovalRequest } from "../../gate/types.js";
import type { RiskLevel } from "../../core/risk.js";
import type { SlackBlock, SlackMessage } from "../../gate/slack-api.js";
import {
  codeBlock,
  escapeInline,
  escapeMrkdwn,
  fitRendered,
  mention,
  SECTION_LIMIT,
} from "./mrkdwn.js";

/** The run an approval belongs to, as the message shows it. */
export interface SlackRunInfo {
  readonly runId: string;
  readonly host: string;
  /** The OS user who started the run. */
  readonly user: string;
  /** The requester's Slack user ID (`slack_requester`), when known. */
  readonly requester: string | undefined;
  readonly stepCount: number;
}

/** Who may answer, as the message states it. */
export interface ApproverSummary {
  /** Allowed user IDs; `undefined`: any human in the channel except the requester. */
  readonly allowed: readonly string[] | undefined;
  readonly minApprovals: number;
}

/** A person who answered, by ID and the name Slack knows. */
export interface SlackPerson {
  readonly id: string;
  readonly name: string;
}

/** Where an approval request stands; every state but `pending` has no call to action. */
export type ApprovalMessageState =
  | { readonly kind: "pending" }
  | { readonly kind: "approved"; readonly approvers: readonly SlackPerson[] }
  | { readonly kind: "denied"; readonly by: SlackPerson }
  | { readonly kind: "expired" }
  /** Answered elsewhere or the run stopped; `why` is a sentence such as "approved in the terminal by alice". */
  | { readonly kind: "withdrawn"; readonly why: string }
  | { readonly kind: "failed"; readonly error: string };

const RISK_BADGES: Readonly<Record<RiskLevel, string>> = {
  read_only: ":large_green_circle: read-only",
  modifying: ":large_yellow_circle: modifying",
  destructive: ":red_circle: *destructive*",
};

/** Slack refuses a message with more blocks than this. */
const MAX_BLOCKS = 50;

/** `Approval needed: step N of M`, the plain-text fallback's first line. */
export function approvalHeadline(request: ApprovalRequest, info: SlackRunInfo): string {
  return `Approval needed: step ${request.step.index} of ${info.stepCount}`;
}

/**
 * Pure: the approval request as a Block Kit message with a plain-text fallback. Every runbook
 * string is escaped; every script is shown as it will run, cut only at Slack's 3,000-character
 * limit with a note saying how much was cut and where to read it whole.
 */
export function renderApprovalMessage(
  request: ApprovalRequest,
  info: SlackRunInfo,
  approvers: ApproverSummary,
  state: ApprovalMessageState,
): SlackMessage {
  const { step } = request;
  const headline = approvalHeadline(request, info);
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: headline } },
    section(stepText(request, info)),
    section(riskText(request)),
  ];
  const scriptBlocks = step.commands.flatMap((command, offset) =>
    scriptSection(command, offset, request),
  );
  // Keep room for the context, the answer and a note; a step with that many scripts is rare.
  const room = MAX_BLOCKS - blocks.length - 3;
  blocks.push(...scriptBlocks.slice(0, room));
  if (scriptBlocks.length > room) {
    blocks.push(
      contextBlock(
        `Slack shows at most ${MAX_BLOCKS} blocks: the rest of this step's scripts are not shown here. Read them in ${escapeInline(clip(request.runbookPath))} (step ${step.index}) or with \`runbook-exec run --dry-run\`.`,
      ),
    );
  }
  const startedBy =
    info.requester === undefined
      ? escapeInline(info.user)
      : `${mention(info.requester)} (${escapeInline(info.user)})`;
  blocks.push(
    contextBlock(
      `Started by ${startedBy} on ${escapeInline(info.host)} · run ${escapeInline(info.runId)} · step hash ${request.stepHash.slice(0, 12)}`,
    ),
  );
  blocks.push(section(stateText(state, approvers)));
  const text = `${headline}: ${escapeInline(clip(request.runbookTitle))}${state.kind === "pending" ? "" : ` (${stateWord(state)})`}`;
  return { text, blocks };
}

function stepText(request: ApprovalRequest, info: SlackRunInfo): string {
  const { step } = request;
  const head = [
    `*Runbook:* ${escapeInline(clip(request.runbookTitle))} (${escapeInline(clip(request.runbookPath))})`,
    `*Step ${step.index} of ${info.stepCount}* · *Section:* ${escapeInline(clip(step.section)) || "(none)"}`,
  ].join("\n");
  // Title, path and section are short in practice; the step's text is what may need cutting.
  const render = (raw: string): string => `${head}\n*Step:* ${escapeInline(raw)}`;
  return fitRendered(step.text, render, SECTION_LIMIT).text;
}

function riskText(request: ApprovalRequest): string {
  const { step } = request;
  const head = `*Risk:* ${RISK_BADGES[step.risk]} (from ${escapeInline(step.riskSource)})`;
  const reasons = step.reasons
    .map((reason) => `• ${reason.ruleId}: ${reason.message.replace(/\r?\n/g, " ")}`)
    .join("\n");
  const render = (raw: string): string => (raw === "" ? head : `${head}\n${escapeMrkdwn(raw)}`);
  return fitRendered(reasons, render, SECTION_LIMIT).text;
}

function scriptSection(
  command: ApprovalCommand,
  offset: number,
  request: ApprovalRequest,
): SlackBlock[] {
  const count = request.step.commands.length;
  const language = escapeInline(command.language) || "default shell";
  const runsAs =
    command.interpreter === undefined
      ? ""
      : `, runs as ${escapeInline([command.interpreter.program, ...command.interpreter.args].join(" "))}`;
  const title = `*Script ${offset + 1} of ${count}* (${language}${runsAs})\n`;
  const fitted = fitRendered(
    command.script,
    (prefix) => title + codeBlock(prefix).text,
    SECTION_LIMIT,
  );
  const blocks: SlackBlock[] = [section(fitted.text)];
  const notes: string[] = [];
  if (codeBlock(command.script).broken)
    notes.push("Runs of backticks in this script are shown with invisible separators.");
  if (fitted.cut !== undefined) {
    notes.push(
      `:warning: Cut: ${fitted.cut.kept} of ${fitted.cut.total} characters shown (${fitted.cut.total - fitted.cut.kept} cut). Read the whole script in ${escapeInline(clip(request.runbookPath))} (step ${request.step.index}) or with \`runbook-exec run --dry-run\` before approving.`,
    );
  }
  if (notes.length > 0) blocks.push(contextBlock(notes.join(" ")));
  return blocks;
}

function stateText(state: ApprovalMessageState, approvers: ApproverSummary): string {
  switch (state.kind) {
    case "pending": {
      const who =
        approvers.allowed === undefined
          ? "any person in this channel except whoever started the run"
          : approvers.allowed.map(mention).join(", ");
      const quorum =
        approvers.minApprovals > 1
          ? ` ${approvers.minApprovals} different approvers must approve.`
          : "";
      return `*To answer:* react :white_check_mark: to approve or :x: to deny. Who may answer: ${who}.${quorum}`;
    }
    case "approved":
      return `:white_check_mark: *Approved* by ${state.approvers.map(person).join(", ")}.`;
    case "denied":
      return `:x: *Denied* by ${person(state.by)}.`;
    case "expired":
      return ":hourglass: *Expired*: nobody answered in time; the step was denied.";
    case "withdrawn":
      return `:leftwards_arrow_with_hook: *Withdrawn*: ${escapeMrkdwn(state.why)}.`;
    case "failed":
      return `:warning: *Denied*: the Slack channel failed (${escapeMrkdwn(state.error)}).`;
  }
}

function stateWord(state: Exclude<ApprovalMessageState, { kind: "pending" }>): string {
  return state.kind === "failed" ? "denied" : state.kind;
}

function person(who: SlackPerson): string {
  return who.name === who.id ? mention(who.id) : `${escapeInline(who.name)} (${mention(who.id)})`;
}

/** A title, path or heading shortened to a line's worth (they share a 3,000-character block). */
function clip(text: string): string {
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}

function section(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function contextBlock(text: string): SlackBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}
