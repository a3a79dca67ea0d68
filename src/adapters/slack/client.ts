import { WebClient, type Logger, LogLevel } from "@slack/web-api";
import {
  SlackApiError,
  type SlackApi,
  type SlackCallOptions,
  type SlackMessage,
  type SlackMessageRef,
} from "../../gate/slack-api.js";
import { wait } from "../../gate/wait.js";
import { eitherSignal, unlessAborted } from "../../core/abortable.js";
import { classifyFailure } from "./errors.js";
import { Pacer } from "./pacer.js";
import type { SlackMethod } from "./scopes.js";
import {
  parseAuthTest,
  parseGroupMembers,
  parsePosted,
  parseReactions,
  parseReplies,
  parseUser,
} from "./payloads.js";

/** Slack's public Web API root; GovSlack and proxies use others (`slack_api_url`). */
export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** Options for {@link createSlackApi}. */
export interface SlackClientOptions {
  /** A bot token (`xoxb-…`), from `SLACK_BOT_TOKEN` only. */
  readonly token: string;
  /** API root, default {@link DEFAULT_SLACK_API_URL}; tests use a fake on 127.0.0.1. */
  readonly apiUrl?: string;
  /** One HTTP request's timeout (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** A call's deadline when the caller gives none, retries included (default 30 s). */
  readonly defaultBudgetMs?: number;
  /** First and longest wait between retries of a 5xx or network failure (default 1 s and 30 s). */
  readonly backoffMs?: { readonly initial: number; readonly max: number };
  /** Least time between two posts to one channel (default 1 s: Slack's limit). */
  readonly postIntervalMs?: number;
  /**
   * Least time between two `conversations.replies` calls (default 60 s: the limit Slack sets for
   * apps distributed outside the Marketplace).
   */
  readonly repliesIntervalMs?: number;
}

/** The SDK logs failures to the console; the tool reports them itself. */
const SILENT_LOGGER: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

/** The API root with the trailing slash the SDK joins method names to. */
export function normalizeApiUrl(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * {@link SlackApi} over `@slack/web-api`'s `WebClient`. The SDK's own retries are off and
 * `rejectRateLimitedCalls` is on, so a 429 never pauses the whole client: each call waits out its
 * own `Retry-After` (and later calls of that method wait too), and 5xx and network failures are
 * retried with exponential backoff, all within the call's deadline. Posts are paced per channel
 * and thread reads per process, each counted from when the previous call's answer came back.
 */
export function createSlackApi(options: SlackClientOptions): SlackApi {
  const client = new WebClient(options.token, {
    slackApiUrl: normalizeApiUrl(options.apiUrl ?? DEFAULT_SLACK_API_URL),
    timeout: options.requestTimeoutMs ?? 10_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: SILENT_LOGGER,
  });
  const budgetMs = options.defaultBudgetMs ?? 30_000;
  const backoff = options.backoffMs ?? { initial: 1000, max: 30_000 };
  const postIntervalMs = options.postIntervalMs ?? 1000;
  const repliesIntervalMs = options.repliesIntervalMs ?? 60_000;
  /** `Date.now()` before which a method must not be called (after its 429's `Retry-After`). */
  const notBefore = new Map<string, number>();
  const pacer = new Pacer();

  async function call<T>(
    method: SlackMethod,
    args: Record<string, unknown>,
    parse: (data: unknown) => T,
    callOptions: SlackCallOptions & { readonly pace?: { key: string; everyMs: number } },
  ): Promise<T> {
    const deadline = callOptions.deadline ?? Date.now() + budgetMs;
    const { signal, withdraw } = callOptions;
    const channel = typeof args["channel"] === "string" ? args["channel"] : undefined;
    const { pace } = callOptions;
    let delay = backoff.initial;
    let lastCode = "deadline";
    /** Ends the waits: `signal` always, `withdraw` until a request has gone out. */
    let waits = eitherSignal(signal, withdraw);
    for (;;) {
      // Paced calls take their turn first, so concurrent calls queue behind each other.
      const turn =
        pace === undefined ? undefined : await pacer.turn(pace.key, pace.everyMs, deadline, waits);
      if (pace !== undefined && turn === undefined) throw outOfTime(method, lastCode);
      let sent = false;
      let waitMs: number | undefined;
      try {
        const now = Date.now();
        // `notBefore` of a method is set only by a 429.
        const limited = notBefore.get(method) ?? 0;
        const slot = Math.max(now, limited, turn?.notBefore ?? 0);
        if (slot > deadline) {
          const why =
            lastCode !== "deadline" ? lastCode : limited > deadline ? "ratelimited" : lastCode;
          throw outOfTime(method, why);
        }
        // A timer can fire a little early by the wall clock; the gap Slack sees must not shrink.
        while (Date.now() < slot) await wait(slot - Date.now(), waits);
        if (waits?.aborted === true) throw waits.reason;
        sent = true;
        waits = signal;
        const pending = client.apiCall(method, args);
        const data = signal === undefined ? await pending : await unlessAborted(pending, signal);
        if (signal?.aborted === true) throw signal.reason;
        return parse(data);
      } catch (error) {
        if (signal?.aborted === true) throw signal.reason;
        if (!sent) throw error;
        const failure = classifyFailure(method, error, channel);
        if (failure.kind === "fatal") throw failure.error;
        lastCode = failure.code;
        waitMs = failure.waitMs;
        if (waitMs === undefined) {
          waitMs = delay;
          delay = Math.min(delay * 2, backoff.max);
        } else {
          notBefore.set(method, Date.now() + waitMs);
        }
      } finally {
        // The request's answer (or failure) is back: the next paced call counts from now.
        turn?.end(sent);
      }
      // A retry waits outside the turn and queues again behind calls that came meanwhile.
      if (Date.now() + waitMs > deadline) throw outOfTime(method, lastCode);
      await wait(waitMs, signal);
    }
  }

  return {
    authTest: (o = {}) => call("auth.test", {}, parseAuthTest, o),
    post: (channel, message, o = {}) =>
      call(
        "chat.postMessage",
        {
          channel,
          text: message.text,
          blocks: message.blocks,
          thread_ts: message.threadTs,
          unfurl_links: false,
          unfurl_media: false,
        },
        parsePosted,
        { ...o, pace: { key: `post:${channel}`, everyMs: postIntervalMs } },
      ),
    update: async (ref: SlackMessageRef, message: SlackMessage, o = {}) => {
      await call(
        "chat.update",
        { channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks ?? [] },
        () => undefined,
        o,
      );
    },
    reactions: (ref, o = {}) =>
      call(
        "reactions.get",
        { channel: ref.channel, timestamp: ref.ts, full: true },
        parseReactions,
        o,
      ),
    replies: (ref, o = {}) =>
      call("conversations.replies", { channel: ref.channel, ts: ref.ts, limit: 15 }, parseReplies, {
        ...o,
        pace: { key: "replies", everyMs: repliesIntervalMs },
      }),
    user: (id, o = {}) => call("users.info", { user: id }, parseUser, o),
    groupMembers: (groupId, o = {}) =>
      call("usergroups.users.list", { usergroup: groupId }, parseGroupMembers, o),
  };
}

/**
 * The call cannot succeed before its deadline. `deadline`: nothing failed, the time simply ran
 * out (callers treat it as expiry); otherwise the last failure.
 */
function outOfTime(method: string, lastCode: string): SlackApiError {
  if (lastCode === "deadline")
    return new SlackApiError("deadline", method, `no time left to call Slack ${method}`);
  const why =
    lastCode === "ratelimited"
      ? "Slack rate-limited it (429) past the time allowed"
      : `it kept failing (${lastCode}) until the time allowed ran out`;
  return new SlackApiError(
    lastCode,
    method,
    `Slack ${method} did not succeed: ${why}; fix: check that Slack (or \`slack_api_url\`) is reachable from this host`,
  );
}
