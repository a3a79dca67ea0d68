import type { GitHubIssuesApi, IssueComment } from "../../gate/github-api.js";
import { wait } from "../../gate/wait.js";

/** How long one look may take, retries and rate limits included. */
const LOOK_BUDGET_MS = 60_000;

/** Pauses between two looks: the first after a change, the longest while nothing changes. */
export interface FeedPace {
  readonly firstMs: number;
  readonly maxMs: number;
}

/** A look's result: every comment updated since the feed's start, or why the look failed. */
type Look =
  | { readonly kind: "comments"; readonly comments: readonly IssueComment[] }
  | { readonly kind: "failed"; readonly error: unknown };

/**
 * One issue's comments, read by one conditional-request loop for everyone who reads them (the
 * comment approval channel, ChatOps's `/abort` watcher): two readers cost one request stream,
 * and a look where nothing changed is a 304 that costs no rate limit. The loop runs while
 * someone reads; its pause starts at `firstMs` after a change or a new reader and grows to the
 * smallest `maxMs` any reader accepts while nothing changes.
 */
export class CommentFeed {
  readonly #api: GitHubIssuesApi;
  readonly #issue: number;
  readonly #since: string;
  readonly #readers = new Set<CommentReader>();
  /** The newest comments read; a failed look since does not forget them. */
  #comments: readonly IssueComment[] | undefined;
  #look: Look | undefined;
  #version = 0;
  #pause: number | undefined;
  #nudge: AbortController | undefined;
  #running = false;
  readonly #waiting = new Set<() => void>();

  /** Reads comments of `issue` updated at or after `since` (ISO 8601, GitHub's clock). */
  constructor(api: GitHubIssuesApi, issue: number, since: string) {
    this.#api = api;
    this.#issue = issue;
    this.#since = since;
  }

  get issue(): number {
    return this.#issue;
  }

  /**
   * A new reader: it sees what the feed last read at once (a comment read before it came is not
   * lost to it), then every change. Hurries the next look.
   */
  read(pace: FeedPace): CommentReader {
    // A failure that happened before it came is not news to a new reader.
    const reader = new CommentReader(this, pace, this.#look?.kind === "failed" ? this.#version : 0);
    this.#readers.add(reader);
    this.#pause = pace.firstMs;
    this.#nudge?.abort();
    if (!this.#running) void this.#loop();
    return reader;
  }

  /** @internal The newest look after `version`, waiting for it; `undefined` when `signal` ends the wait. */
  async after(
    version: number,
    signal: AbortSignal,
  ): Promise<{ readonly version: number; readonly look: Look } | undefined> {
    while (this.#version <= version || this.#look === undefined) {
      if (signal.aborted) return undefined;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.#waiting.delete(done);
          signal.removeEventListener("abort", done);
          resolve();
        };
        this.#waiting.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
    }
    return { version: this.#version, look: this.#look };
  }

  /** @internal */
  leave(reader: CommentReader): void {
    this.#readers.delete(reader);
    if (this.#readers.size === 0) this.#nudge?.abort();
  }

  async #loop(): Promise<void> {
    this.#running = true;
    try {
      while (this.#readers.size > 0) {
        const changed = await this.#lookOnce();
        const longest = Math.min(...[...this.#readers].map((reader) => reader.pace.maxMs));
        const first = Math.min(...[...this.#readers].map((reader) => reader.pace.firstMs));
        this.#pause = changed ? first : Math.min(Math.round((this.#pause ?? first) * 1.5), longest);
        if (this.#readers.size === 0) break;
        this.#nudge = new AbortController();
        await wait(this.#pause, this.#nudge.signal).catch(() => undefined);
      }
    } finally {
      this.#running = false;
    }
  }

  /** One look; true when it changed something for the readers (new comments, or a failure). */
  async #lookOnce(): Promise<boolean> {
    let look: Look;
    try {
      const comments = await this.#api.commentsSince(this.#issue, this.#since, {
        deadline: Date.now() + LOOK_BUDGET_MS,
      });
      // 304: nothing changed since the last answer (news only to readers who saw a failure).
      if (comments === undefined && this.#look?.kind === "comments") return false;
      this.#comments = comments ?? this.#comments ?? [];
      look = { kind: "comments", comments: this.#comments };
    } catch (error) {
      look = { kind: "failed", error };
    }
    this.#look = look;
    this.#version += 1;
    for (const wake of [...this.#waiting]) wake();
    return look.kind === "comments";
  }
}

/** One reader of a {@link CommentFeed}. */
export class CommentReader {
  #seen: number;

  constructor(
    private readonly feed: CommentFeed,
    readonly pace: FeedPace,
    seen: number,
  ) {
    this.#seen = seen;
  }

  /**
   * The comments as of the next look this reader has not seen (the last one at once, for a new
   * reader); `undefined` when `signal` aborts or `deadline` passes first. A failed look throws
   * its error (the feed goes on looking).
   */
  async next(options: {
    readonly signal: AbortSignal;
    readonly deadline?: number;
  }): Promise<readonly IssueComment[] | undefined> {
    const timeout =
      options.deadline === undefined
        ? options.signal
        : AbortSignal.any([
            options.signal,
            AbortSignal.timeout(Math.max(0, options.deadline - Date.now())),
          ]);
    const found = await this.feed.after(this.#seen, timeout);
    if (found === undefined) return undefined;
    this.#seen = found.version;
    if (found.look.kind === "failed") throw found.look.error;
    return found.look.comments;
  }

  /** Stops reading; the feed stops looking when nobody reads. */
  close(): void {
    this.feed.leave(this);
  }
}
