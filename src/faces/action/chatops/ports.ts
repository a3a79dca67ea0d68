import type { Checkout } from "../../../adapters/github/checkout.js";
import type { CommentEvent, DispatchEvent } from "../../../adapters/github/chatops-events.js";
import type { RepositoryRole } from "../../../core/repository-role.js";

/** What `command: chatops` needs from the outside world besides the run's ports. */
export interface ChatOpsPorts {
  /** The triggering event, read from `GITHUB_EVENT_PATH` against its schema. */
  readonly event: () => Promise<CommentEvent | DispatchEvent>;
  /** A user's role on the repository, asked fresh each time. */
  readonly role: (login: string) => Promise<RepositoryRole>;
  /** Whether workflow run `runId` is still in progress (`actions: read`). */
  readonly workflowRunActive: (runId: number) => Promise<boolean>;
  /** The workspace's git checkout. */
  readonly checkout: Checkout;
}
