/**
 * Every Slack Web API method runbook-exec calls and the bot scopes it needs (either one of a
 * list, for public or private channels). `docs/slack-app-manifest.yml` asks for exactly their
 * union; a test holds the two together.
 */
export const SLACK_METHOD_SCOPES = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "reactions.get": ["reactions:read"],
  "conversations.replies": ["channels:history", "groups:history"],
  "users.info": ["users:read"],
  "usergroups.users.list": ["usergroups:read"],
} as const satisfies Record<string, readonly string[]>;

/** A method the adapter may call. */
export type SlackMethod = keyof typeof SLACK_METHOD_SCOPES;
