import { z } from "zod";
import type {
  SlackIdentity,
  SlackMessageRef,
  SlackReaction,
  SlackReply,
  SlackUser,
} from "../../gate/slack-api.js";

/**
 * Every parse of a Slack Web API answer happens here, against a schema; the rest of the code
 * sees only the typed results. Unknown fields are ignored; a missing or mistyped field the code
 * relies on makes the answer malformed (and so, for an approval, a denial).
 */

// Slack IDs: users U…/W…, channels C…/G…/D…, bots B…; upper-case letters and digits.
const userId = z.string().regex(/^[UWB][A-Z0-9]{2,}$/, "expected a Slack user ID");
const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, "expected a Slack channel ID");
const ts = z.string().regex(/^\d+\.\d+$/, "expected a message ts");

const authTest = z.object({
  user_id: userId,
  bot_id: z.string().optional(),
  team: z.string().optional(),
});

const posted = z.object({ channel: channelId, ts });

const reactionsGet = z.object({
  message: z.object({
    reactions: z
      .array(z.object({ name: z.string().min(1), users: z.array(z.string()).default([]) }))
      .default([]),
  }),
});

const replies = z.object({
  messages: z.array(
    z.object({
      ts,
      user: z.string().optional(),
      bot_id: z.string().optional(),
      text: z.string().default(""),
    }),
  ),
});

const usersInfo = z.object({
  user: z.object({
    id: userId,
    name: z.string().default(""),
    deleted: z.boolean().default(false),
    is_bot: z.boolean().default(false),
    real_name: z.string().optional(),
    profile: z
      .object({ display_name: z.string().optional(), real_name: z.string().optional() })
      .optional(),
  }),
});

const groupUsers = z.object({ users: z.array(userId) });

/** The `error` and `needed` fields of an `{ ok: false }` answer, when present. */
const failure = z.object({ error: z.string().optional(), needed: z.string().optional() });

/** Why an answer did not match its schema, for an error message. */
export class MalformedAnswer extends Error {
  override readonly name = "MalformedAnswer";
}

function parse<T extends z.ZodType>(schema: T, data: unknown, method: string): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined ? "" : ` at \`${issue.path.join(".")}\`: ${issue.message}`;
  throw new MalformedAnswer(`unexpected answer from ${method}${where}`);
}

/** `auth.test` → the bot's own user ID, which its reactions are filtered by. */
export function parseAuthTest(data: unknown): SlackIdentity {
  const answer = parse(authTest, data, "auth.test");
  return { userId: answer.user_id, botId: answer.bot_id, team: answer.team };
}

/** `chat.postMessage` → `{ channel, ts }` (the channel as an ID, even when posted to `#name`). */
export function parsePosted(data: unknown): SlackMessageRef {
  return parse(posted, data, "chat.postMessage");
}

/** `reactions.get` → every reaction with its users. */
export function parseReactions(data: unknown): SlackReaction[] {
  return parse(reactionsGet, data, "reactions.get").message.reactions;
}

/** `conversations.replies` → the thread, parent first. */
export function parseReplies(data: unknown): SlackReply[] {
  return parse(replies, data, "conversations.replies").messages.map((message) => ({
    ts: message.ts,
    user: message.user,
    botId: message.bot_id,
    text: message.text,
  }));
}

/** `users.info` → ID, the name people know, and whether it is a bot or deactivated. */
export function parseUser(data: unknown): SlackUser {
  const { user } = parse(usersInfo, data, "users.info");
  const name =
    [user.profile?.display_name, user.profile?.real_name, user.real_name, user.name].find(
      (candidate) => candidate !== undefined && candidate.trim() !== "",
    ) ?? user.id;
  return { id: user.id, name, isBot: user.is_bot, deleted: user.deleted };
}

/** `usergroups.users.list` → the group's user IDs. */
export function parseGroupMembers(data: unknown): string[] {
  return parse(groupUsers, data, "usergroups.users.list").users;
}

/** The `error` (and `needed` scope) of a platform error's body. */
export function parseFailure(data: unknown): { error: string; needed: string | undefined } {
  const result = failure.safeParse(data);
  const fields = result.success ? result.data : {};
  return { error: fields.error ?? "unknown_error", needed: fields.needed };
}
