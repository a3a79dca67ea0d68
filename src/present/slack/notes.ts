import type { SlackMessage } from "../../gate/slack-api.js";
import type { IgnoreReason } from "../../gate/slack-quorum.js";
import { escapeInline, mention } from "./mrkdwn.js";

const WHY: Readonly<Record<IgnoreReason, string>> = {
  bot_itself: "the bot's own reactions never count",
  self_approval: "whoever started the run cannot approve it (`slack_prevent_self_approval`)",
  not_allowed: "not an allowed approver (`slack_approvers` / `slack_approver_groups`)",
  not_a_person:
    "not a person Slack could vouch for (a bot, a deactivated user, or `users:read` missing)",
};

/** The thread note for an answer that did not count, said once per user and reason. */
export function renderIgnoredNote(entry: {
  readonly user: string;
  readonly reaction: string;
  readonly reason: IgnoreReason;
}): SlackMessage {
  const text = `Ignored :${escapeInline(entry.reaction)}: from ${mention(entry.user)}: ${WHY[entry.reason]}.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}
