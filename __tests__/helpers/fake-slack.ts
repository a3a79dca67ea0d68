/**
 * A fake Slack Web API on 127.0.0.1 speaking the real wire format, for the real `WebClient` to
 * talk to: form-encoded POSTs to `/api/METHOD` with a bearer token, `{ ok: true, … }` and
 * `{ ok: false, error }` bodies (HTTP 200), 429 with `Retry-After`, 5xx, and connections
 * dropped mid-request. It keeps channels, messages, reactions and threads, so a test reacts to
 * the message the tool posted and reads back what the tool wrote.
 */
import { createServer, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./loopback.js";

/** One API call as the fake received it. */
export interface FakeSlackCall {
  readonly method: string;
  /** The form fields, decoded (`blocks` stays a JSON string, as on the wire). */
  readonly params: Readonly<Record<string, string>>;
  readonly token: string | undefined;
  readonly contentType: string | undefined;
  readonly at: number;
}

/** A message in the fake workspace. */
export interface FakeSlackMessage {
  readonly channel: string;
  readonly ts: string;
  /** Parent's ts for a thread reply. */
  readonly threadTs: string | undefined;
  /** Who posted it: the bot's user ID, or a person's for replies added by the test. */
  readonly user: string;
  readonly botId: string | undefined;
  text: string;
  blocks: unknown[];
  /** Every earlier version, oldest first, when `chat.update` replaced it. */
  readonly history: { text: string; blocks: unknown[] }[];
  readonly reactions: Map<string, string[]>;
}

/** A scripted failure for the next call of a method. */
export type FakeSlackFault =
  | { readonly kind: "error"; readonly error: string; readonly needed?: string }
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: number }
  | { readonly kind: "drop" }
  /** Answers normally, but only after `ms`. */
  | { readonly kind: "delay"; readonly ms: number }
  /**
   * Takes the request in only after `ms`, as a Slack that is slow to receive it would: the call's
   * `at` (what Slack's rate limiter sees) is then, and the answer follows at once.
   */
  | { readonly kind: "stall"; readonly ms: number };

export interface FakeSlackUser {
  readonly id: string;
  readonly name: string;
  readonly isBot?: boolean;
}

export interface FakeSlackOptions {
  readonly token?: string;
  readonly botUserId?: string;
  /** Channels; the bot is a member unless `member` is false. */
  readonly channels?: readonly { id: string; name: string; member?: boolean }[];
  readonly users?: readonly FakeSlackUser[];
  /** User-group ID → member IDs. */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
}

export interface FakeSlack {
  /** API root for `slack_api_url` / `SLACK_API_URL`, ending in `/api/`. */
  readonly url: string;
  readonly token: string;
  readonly botUserId: string;
  readonly calls: FakeSlackCall[];
  readonly messages: FakeSlackMessage[];
  /** Top-level messages of the bot (not thread replies), in order. */
  topLevel(): FakeSlackMessage[];
  /** Replies in the thread of `parent`, in order. */
  thread(parent: FakeSlackMessage): FakeSlackMessage[];
  /** Adds reaction `name` by `user` to a message, as a person clicking it would. */
  react(message: FakeSlackMessage, name: string, user: string): void;
  /** Posts a thread reply by a person. */
  reply(parent: FakeSlackMessage, user: string, text: string): void;
  /** The next calls of `method` fail like this, in order. */
  fail(method: string, ...faults: FakeSlackFault[]): void;
  /** Calls of `method` so far. */
  callsOf(method: string): FakeSlackCall[];
  close(): Promise<void>;
}

const DEFAULT_TOKEN = "xoxb-fake-0000-test-token";

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const token = options.token ?? DEFAULT_TOKEN;
  const botUserId = options.botUserId ?? "UBOT0001";
  const channels = options.channels ?? [{ id: "C0APPROVE", name: "ops-approvals" }];
  const users = new Map<string, FakeSlackUser>(
    [{ id: botUserId, name: "runbook-exec", isBot: true }, ...(options.users ?? [])].map((u) => [
      u.id,
      u,
    ]),
  );
  const groups = options.groups ?? {};
  const calls: FakeSlackCall[] = [];
  const messages: FakeSlackMessage[] = [];
  const faults = new Map<string, FakeSlackFault[]>();
  let clock = 1_700_000_000;

  const nextTs = (): string => {
    clock += 1;
    return `${clock}.000100`;
  };
  const channelOf = (value: string | undefined) =>
    channels.find((c) => c.id === value || `#${c.name}` === value);
  const find = (channel: string | undefined, ts: string | undefined) =>
    messages.find((m) => m.channel === channel && m.ts === ts);

  function answer(method: string, params: Record<string, string>): Record<string, unknown> {
    const member = (channel: string | undefined) => {
      const found = channelOf(channel);
      if (found === undefined) return { error: "channel_not_found" } as const;
      if (found.member === false) return { error: "not_in_channel" } as const;
      return { id: found.id } as const;
    };
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          user_id: botUserId,
          bot_id: "B0BOT",
          team: "Fake",
          user: "runbook-exec",
        };
      case "chat.postMessage": {
        const where = member(params["channel"]);
        if ("error" in where) return { ok: false, error: where.error };
        const threadTs = params["thread_ts"];
        if (threadTs !== undefined && find(where.id, threadTs) === undefined)
          return { ok: false, error: "thread_not_found" };
        const message: FakeSlackMessage = {
          channel: where.id,
          ts: nextTs(),
          threadTs,
          user: botUserId,
          botId: "B0BOT",
          text: params["text"] ?? "",
          blocks: JSON.parse(params["blocks"] ?? "[]") as unknown[],
          history: [],
          reactions: new Map(),
        };
        messages.push(message);
        return { ok: true, channel: where.id, ts: message.ts, message: { text: message.text } };
      }
      case "chat.update": {
        const message = find(params["channel"], params["ts"]);
        if (message === undefined) return { ok: false, error: "message_not_found" };
        message.history.push({ text: message.text, blocks: message.blocks });
        message.text = params["text"] ?? "";
        message.blocks = JSON.parse(params["blocks"] ?? "[]") as unknown[];
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case "reactions.get": {
        const where = member(params["channel"]);
        if ("error" in where) return { ok: false, error: where.error };
        const message = find(where.id, params["timestamp"]);
        if (message === undefined) return { ok: false, error: "message_not_found" };
        const reactions = [...message.reactions].map(([name, who]) => ({
          name,
          users: who,
          count: who.length,
        }));
        return {
          ok: true,
          type: "message",
          channel: where.id,
          message: {
            type: "message",
            text: message.text,
            ts: message.ts,
            ...(reactions.length > 0 && { reactions }),
          },
        };
      }
      case "conversations.replies": {
        const where = member(params["channel"]);
        if ("error" in where) return { ok: false, error: where.error };
        const parent = find(where.id, params["ts"]);
        if (parent === undefined) return { ok: false, error: "thread_not_found" };
        const thread = [parent, ...messages.filter((m) => m.threadTs === parent.ts)];
        return {
          ok: true,
          has_more: false,
          messages: thread.map((m) => ({
            type: "message",
            ts: m.ts,
            user: m.user,
            text: m.text,
            ...(m.botId !== undefined && { bot_id: m.botId }),
            ...(m !== parent && { thread_ts: parent.ts }),
          })),
        };
      }
      case "users.info": {
        const user = users.get(params["user"] ?? "");
        if (user === undefined) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: user.id,
            name: user.name.toLowerCase(),
            deleted: false,
            is_bot: user.isBot === true,
            real_name: user.name,
            profile: { display_name: user.name, real_name: user.name },
          },
        };
      }
      case "usergroups.users.list": {
        const members = groups[params["usergroup"] ?? ""];
        if (members === undefined) return { ok: false, error: "no_such_subteam" };
        return { ok: true, users: members };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      const next = faults.get(method)?.[0];
      if (next?.kind === "stall") {
        faults.get(method)?.shift();
        setTimeout(() => handle(method), next.ms);
      } else handle(method);
    });
    const handle = (method: string): void => {
      const params = Object.fromEntries(
        new URLSearchParams(Buffer.concat(chunks).toString("utf8")),
      );
      const auth = req.headers.authorization;
      const call: FakeSlackCall = {
        method,
        params,
        token: auth?.startsWith("Bearer ") === true ? auth.slice(7) : undefined,
        contentType: req.headers["content-type"],
        at: Date.now(),
      };
      calls.push(call);
      const fault = faults.get(method)?.shift();
      if (fault?.kind === "drop") {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "status") {
        const headers: Record<string, string> = { "content-type": "text/plain" };
        if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
        res.writeHead(fault.status, headers);
        res.end(fault.status === 429 ? "" : "upstream failure");
        return;
      }
      if (fault?.kind === "error") {
        send(res, {
          ok: false,
          error: fault.error,
          ...(fault.needed !== undefined && { needed: fault.needed }),
        });
        return;
      }
      const respond = (): void => {
        if (
          req.method !== "POST" ||
          !(call.contentType ?? "").startsWith("application/x-www-form-urlencoded")
        ) {
          send(res, { ok: false, error: "invalid_form_data" });
          return;
        }
        if (call.token !== token) {
          send(res, { ok: false, error: call.token === undefined ? "not_authed" : "invalid_auth" });
          return;
        }
        send(res, answer(method, params));
      };
      if (fault?.kind === "delay") setTimeout(respond, fault.ms);
      else respond();
    };
  });
  const loopback = await listenOnLoopback(server);

  return {
    url: `http://127.0.0.1:${loopback.port}/api/`,
    token,
    botUserId,
    calls,
    messages,
    topLevel: () => messages.filter((m) => m.threadTs === undefined && m.user === botUserId),
    thread: (parent) => messages.filter((m) => m.threadTs === parent.ts),
    react(message, name, user) {
      const who = message.reactions.get(name) ?? [];
      if (!who.includes(user)) who.push(user);
      message.reactions.set(name, who);
    },
    reply(parent, user, text) {
      messages.push({
        channel: parent.channel,
        ts: nextTs(),
        threadTs: parent.ts,
        user,
        botId: undefined,
        text,
        blocks: [],
        history: [],
        reactions: new Map(),
      });
    },
    fail(method, ...more) {
      faults.set(method, [...(faults.get(method) ?? []), ...more]);
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    close: () => loopback.close(),
  };
}

function send(res: ServerResponse, body: Record<string, unknown>): void {
  if (res.destroyed) return;
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
