import type { MinimumRole, RepositoryRole } from "../../../core/repository-role.js";
import type { AttachRun } from "../run-command.js";
import { CommentFeed } from "../../../adapters/github/comment-feed.js";
import { watchForAbort } from "./abort-watch.js";
import { StatusTracker, type StatusHeader } from "./status-view.js";
import type { ChatOpsThread } from "./thread.js";

/** How often a running ChatOps run looks for `/abort` (a 304 answer costs no rate limit). */
export const ABORT_POLL_MS = 5000;

/** What a ChatOps run shows in its thread and who may steer it. */
export interface StatusOptions {
  readonly thread: ChatOpsThread;
  /** The status comment's header, but the title (taken from the plan). */
  readonly header: Omit<StatusHeader, "title">;
  readonly permission: MinimumRole;
  readonly role: (login: string) => Promise<RepositoryRole>;
  readonly log: (message: string) => void;
}

/**
 * The run in its thread: the status comment with the plan as soon as it is planned (then a
 * :rocket:), a line per finished step, the summary with the audit head, the workflow run and
 * the artifact, and a final reaction; `/abort` from someone with `chatops-permission` stops it.
 */
export function attachStatus(options: StatusOptions): AttachRun {
  const { thread } = options;
  return async (plan, redact) => {
    const startedAt = new Date().toISOString();
    const tracker = new StatusTracker(
      { ...options.header, title: plan.prepared.runbook.title },
      plan.prepared.steps,
      redact,
      (markdown) => thread.status(markdown),
    );
    await tracker.start();
    await thread.react("rocket");
    // One read of the thread for the `/abort` watcher and the comment approvals alike.
    const since = thread.statusCreatedAt ?? startedAt;
    const comments = new CommentFeed(thread.api, thread.issue, since);
    return {
      view: tracker.view(),
      stops: watchForAbort({
        feed: comments,
        since: () => since,
        minimumRole: options.permission,
        role: options.role,
        intervalMs: ABORT_POLL_MS,
        log: options.log,
        reply: (body) => thread.reply(body),
      }),
      comments,
      minimumRole: options.permission,
      finished: async (end) => {
        if (options.header.dryRun) tracker.dryRun();
        await tracker.finish({
          status: end.status,
          counts: end.summary.counts,
          auditHead: end.auditHead,
          artifact:
            end.upload.kind === "uploaded" ? { url: end.upload.url } : { note: end.upload.message },
        });
        await thread.react(end.status === "succeeded" ? "hooray" : "confused");
      },
    };
  };
}
