import type { CommentReaction, GitHubIssuesApi } from "../../../gate/github-api.js";

/**
 * The issue thread a ChatOps command came from, as the action talks to it: reactions on the
 * command, replies, and the one status comment. Reactions and replies need `issues: write`; a
 * failure is said in the job log and the command goes on (the audit log and the job summary
 * still have everything).
 */
export class ChatOpsThread {
  #warnedReactions = false;
  #statusId: number | undefined;
  #statusCreatedAt: string | undefined;
  /** The newest status not yet written; edits coalesce while one is on the wire. */
  #latest: string | undefined;
  #writing: Promise<void> | undefined;

  constructor(
    readonly api: GitHubIssuesApi,
    readonly issue: number,
    /** The command's comment, `undefined` for a dispatch. */
    private readonly commentId: number | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Reacts on the command's comment; without `issues: write` says so once and goes on. */
  async react(reaction: CommentReaction): Promise<void> {
    if (this.commentId === undefined) return;
    try {
      await this.api.react(this.commentId, reaction);
    } catch (error) {
      if (this.#warnedReactions) return;
      this.#warnedReactions = true;
      this.log(
        `runbook-exec: could not add the :${reaction}: reaction to the command (${describe(error)}); ` +
          "the workflow needs `permissions: issues: write`. Going on without reactions.",
      );
    }
  }

  /** Posts a reply; a failure is logged, never thrown. */
  async reply(body: string): Promise<void> {
    try {
      await this.api.comment(this.issue, body);
    } catch (error) {
      this.log(
        `runbook-exec: could not reply in issue #${this.issue} (${describe(error)}); the workflow needs \`permissions: issues: write\`.`,
      );
    }
  }

  /** When GitHub stored the status comment (its clock), once it exists. */
  get statusCreatedAt(): string | undefined {
    return this.#statusCreatedAt;
  }

  /**
   * Creates the status comment the first time, edits it afterwards. Edits never overlap, and
   * while one is on the wire only the newest text waits (a fast run costs few requests); the
   * promise settles once the newest text is written.
   */
  status(body: string): Promise<void> {
    this.#latest = body;
    this.#writing ??= this.#drain();
    return this.#writing;
  }

  async #drain(): Promise<void> {
    for (let body = this.#latest; body !== undefined; body = this.#latest) {
      this.#latest = undefined;
      await this.#writeStatus(body);
    }
    this.#writing = undefined;
  }

  async #writeStatus(body: string): Promise<void> {
    try {
      if (this.#statusId === undefined) {
        const created = await this.api.comment(this.issue, body);
        this.#statusId = created.id;
        this.#statusCreatedAt = created.createdAt;
      } else {
        await this.api.editComment(this.#statusId, body);
      }
    } catch (error) {
      this.log(`runbook-exec: could not write the status comment (${describe(error)}).`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
