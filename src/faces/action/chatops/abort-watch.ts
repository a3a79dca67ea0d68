import { roleMeets, type MinimumRole, type RepositoryRole } from "../../../core/repository-role.js";
import type { CommentFeed } from "../../../adapters/github/comment-feed.js";
import type { IssueComment } from "../../../gate/github-api.js";
import { permissionReply } from "../../../present/chatops/replies.js";
import type { StopSource } from "../../../run/ports.js";
import { parseComment } from "./grammar.js";

/** Where and how to watch a thread for `/abort`. */
export interface AbortWatchOptions {
  /** The thread's comments, read once for every reader (the comment approvals read them too). */
  readonly feed: CommentFeed;
  /** Only comments created at or after this (ISO 8601, GitHub's clock) count. */
  readonly since: () => string;
  readonly minimumRole: MinimumRole;
  /** The commenter's role, asked fresh each time (a role removed a minute ago must not count). */
  readonly role: (login: string) => Promise<RepositoryRole>;
  /** How often the thread is read while nothing else reads it faster. */
  readonly intervalMs: number;
  readonly log: (message: string) => void;
  /** Answers an `/abort` that does not count, in the thread (at most a few times a run). */
  readonly reply: (body: string) => Promise<void>;
}

/** Replies to ignored `/abort` comments per run: a flood cannot spend the write budget. */
const MAX_REPLIES = 10;

/**
 * A {@link StopSource} that reads the thread for a new `/abort` from someone with at least
 * `minimumRole`. Anyone else's `/abort`, an edited old comment, a bot's comment, or a role
 * GitHub cannot confirm is ignored, said in the job log and answered once in the thread:
 * stopping a run is a writer's call.
 */
export function watchForAbort(options: AbortWatchOptions): StopSource {
  return (handler) => {
    const stop = new AbortController();
    const reader = options.feed.read({ firstMs: options.intervalMs, maxMs: options.intervalMs });
    const seen = new Set<number>();
    let replies = 0;
    const read = async (): Promise<void> => {
      let failures = 0;
      for (;;) {
        let comments: readonly IssueComment[] | undefined;
        try {
          comments = await reader.next({ signal: stop.signal });
          failures = 0;
        } catch (error) {
          failures += 1;
          if (failures === 1)
            options.log(
              `runbook-exec: reading the thread for /abort failed (${String(error)}); retrying.`,
            );
          continue;
        }
        if (comments === undefined) return;
        const since = options.since();
        for (const comment of comments) {
          if (stop.signal.aborted) return;
          if (seen.has(comment.id) || comment.createdAt < since) continue;
          seen.add(comment.id);
          const verdict = await abortVerdict(comment, options);
          if (verdict === undefined || stop.signal.aborted) continue;
          if (verdict.kind === "abort") handler(verdict.reason);
          else if (replies < MAX_REPLIES) {
            replies += 1;
            await options.reply(verdict.reply);
          }
        }
      }
    };
    void read().finally(() => reader.close());
    return () => stop.abort();
  };
}

/** What an `/abort` comment does: stop the run, or nothing (with the reply that says why). */
async function abortVerdict(
  comment: IssueComment,
  options: AbortWatchOptions,
): Promise<
  | { readonly kind: "abort"; readonly reason: string }
  | { readonly kind: "ignored"; readonly reply: string }
  | undefined
> {
  const parsed = parseComment(comment.body);
  if (parsed.kind !== "command" || parsed.command.kind !== "abort") return undefined;
  const user = comment.user;
  if (user === undefined || user.type !== "User") return undefined;
  let role: RepositoryRole;
  try {
    role = await options.role(user.login);
  } catch (error) {
    options.log(
      `runbook-exec: /abort by ${user.login} ignored: their permission could not be checked (${String(error)}).`,
    );
    return { kind: "ignored", reply: permissionReply(user.login, options.minimumRole, "/abort") };
  }
  if (!roleMeets(role, options.minimumRole)) {
    options.log(
      `runbook-exec: /abort by ${user.login} ignored: they have ${role}, /abort needs ${options.minimumRole}.`,
    );
    return { kind: "ignored", reply: permissionReply(user.login, options.minimumRole, "/abort") };
  }
  return { kind: "abort", reason: `/abort by ${user.login}` };
}
