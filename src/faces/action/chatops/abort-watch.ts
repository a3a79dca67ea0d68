import { roleMeets, type MinimumRole, type RepositoryRole } from "../../../core/repository-role.js";
import type { GitHubIssuesApi, IssueComment } from "../../../gate/github-api.js";
import type { StopSource } from "../../../run/ports.js";
import { parseComment } from "./grammar.js";

/** Where and how to watch a thread for `/abort`. */
export interface AbortWatchOptions {
  readonly api: GitHubIssuesApi;
  readonly issue: number;
  /** Only comments created at or after this (ISO 8601, GitHub's clock) count. */
  readonly since: () => string;
  readonly minimumRole: MinimumRole;
  /** The commenter's role, asked fresh each time (a role removed a minute ago must not count). */
  readonly role: (login: string) => Promise<RepositoryRole>;
  readonly intervalMs: number;
  readonly log: (message: string) => void;
}

/**
 * A {@link StopSource} that polls the thread for a new `/abort` from someone with at least
 * `minimumRole`. Anyone else's `/abort`, an edited old comment, a bot's comment, or a role
 * GitHub cannot confirm is ignored (and said in the job log): stopping a run is a writer's call.
 */
export function watchForAbort(options: AbortWatchOptions): StopSource {
  return (handler) => {
    const seen = new Set<number>();
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let failures = 0;
    const look = async (): Promise<void> => {
      const since = options.since();
      let comments: readonly IssueComment[] | undefined;
      try {
        comments = await options.api.commentsSince(options.issue, since);
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1)
          options.log(
            `runbook-exec: reading the thread for /abort failed (${String(error)}); retrying.`,
          );
        return;
      }
      for (const comment of comments ?? []) {
        if (stopped || seen.has(comment.id) || comment.createdAt < since) continue;
        seen.add(comment.id);
        const reason = await abortReason(comment, options);
        if (reason !== undefined && !stopped) handler(reason);
      }
    };
    const loop = (): void => {
      if (stopped) return;
      timer = setTimeout(() => {
        void look().finally(loop);
      }, options.intervalMs);
    };
    loop();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  };
}

async function abortReason(
  comment: IssueComment,
  options: AbortWatchOptions,
): Promise<string | undefined> {
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
    return undefined;
  }
  if (!roleMeets(role, options.minimumRole)) {
    options.log(
      `runbook-exec: /abort by ${user.login} ignored: they have ${role}, /abort needs ${options.minimumRole}.`,
    );
    return undefined;
  }
  return `/abort by ${user.login}`;
}
