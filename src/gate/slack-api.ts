/**
 * The narrow Slack Web API the approval, operator and notification code needs. The adapter in
 * `src/adapters/slack/` implements it over `@slack/web-api`; tests may pass small fakes.
 */

/** A Block Kit block, as sent to Slack. Built only by `src/present/slack/`. */
export type SlackBlock = Readonly<Record<string, unknown>>;

/** A posted message: the channel's ID (even when posted to `#name`) and its `ts`. */
export interface SlackMessageRef {
  readonly channel: string;
  readonly ts: string;
}

/** A message to post or to put in place of another. */
export interface SlackMessage {
  /** Plain-text fallback for notifications and screen readers. */
  readonly text: string;
  readonly blocks?: readonly SlackBlock[];
}

/** One emoji on a message and every user who added it. */
export interface SlackReaction {
  readonly name: string;
  readonly users: readonly string[];
}

/** A message in a thread. */
export interface SlackReply {
  readonly ts: string;
  readonly user: string | undefined;
  /** Set when a bot or an app posted it. */
  readonly botId: string | undefined;
  readonly text: string;
}

/** What `users.info` says about a user. */
export interface SlackUser {
  readonly id: string;
  /** Display name, else real name, else the user name. */
  readonly name: string;
  readonly isBot: boolean;
  readonly deleted: boolean;
}

/** Who the token belongs to (`auth.test`). */
export interface SlackIdentity {
  readonly userId: string;
  readonly botId: string | undefined;
  readonly team: string | undefined;
}

/** Limits of one call: it is retried on 5xx, network errors and 429 until `deadline`. */
export interface SlackCallOptions {
  /** `Date.now()` value after which the call gives up; default: the adapter's own budget. */
  readonly deadline?: number;
  /** Ends waiting between retries and abandons the call. */
  readonly signal?: AbortSignal;
  /**
   * Abandons the call only while none of it has been sent (waiting for its turn or a rate
   * limit): a request withdrawn before Slack saw it is never posted, one Slack may have taken is
   * completed so that it can be updated.
   */
  readonly withdraw?: AbortSignal;
}

/** The Slack Web API methods runbook-exec calls. Every method rejects with {@link SlackApiError}. */
export interface SlackApi {
  authTest(options?: SlackCallOptions): Promise<SlackIdentity>;
  /** `chat.postMessage`; `threadTs` posts a reply in that thread. */
  post(
    channel: string,
    message: SlackMessage & { readonly threadTs?: string },
    options?: SlackCallOptions,
  ): Promise<SlackMessageRef>;
  /** `chat.update`. */
  update(ref: SlackMessageRef, message: SlackMessage, options?: SlackCallOptions): Promise<void>;
  /** `reactions.get` with `full: true`. */
  reactions(ref: SlackMessageRef, options?: SlackCallOptions): Promise<readonly SlackReaction[]>;
  /** `conversations.replies` of a thread, parent first; slow (rate limited to 1/min for many apps). */
  replies(ref: SlackMessageRef, options?: SlackCallOptions): Promise<readonly SlackReply[]>;
  /** `users.info`. */
  user(id: string, options?: SlackCallOptions): Promise<SlackUser>;
  /** `usergroups.users.list`: the user IDs of a user group. */
  groupMembers(groupId: string, options?: SlackCallOptions): Promise<readonly string[]>;
}

/**
 * A Slack call that failed for good: a platform error (`not_in_channel`, `invalid_auth`…), a
 * malformed answer, or a transient failure that outlived the call's deadline. The message names
 * the fix.
 */
export class SlackApiError extends Error {
  override readonly name = "SlackApiError";

  constructor(
    /** Slack's error string (`not_in_channel`), or `http_503`, `network`, `ratelimited`, `malformed`, `deadline`. */
    readonly code: string,
    readonly method: string,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}
