import { judgeComment, type AnswerPolicy, type CountedAnswer } from "./answer-eligibility.js";
import { CommentFeed } from "./comment-feed.js";
import { GitHubApiError, type GitHubCallOptions } from "../../gate/github-api.js";
import type { CommentRequestContext } from "../../gate/github-comments.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalRequest,
} from "../../gate/types.js";
import { ApprovalWithdrawnError } from "../../gate/withdrawn.js";
import {
  renderApprovalIssue,
  renderApprovalRequest,
  renderClosedRequest,
  renderDecision,
  renderIgnoredReply,
  type CommentRunInfo,
} from "../../present/github/approval-comment.js";
import type { Redact } from "../../redact/redactor.js";

/** Options of {@link GitHubCommentApprovalProvider}: who counts, and where and what to ask. */
export interface GitHubCommentApprovalOptions extends AnswerPolicy {
  /** `issue-number`; without it an issue is opened at the first request and closed by `finish`. */
  readonly issueNumber: number | undefined;
  readonly runbook: { readonly title: string; readonly path: string };
  readonly info: CommentRunInfo;
  /** Applied to every runbook string before it is written to GitHub. */
  readonly redact: Redact;
  /** First and longest wait between two looks at the comments (default 1 s and 30 s). */
  readonly pollMs?: { readonly first: number; readonly max: number };
  /**
   * The issue's comments as another reader already reads them (ChatOps's `/abort` watcher), so
   * both share one request stream; without it (or for another issue) the provider starts its own
   * at its first request.
   */
  readonly feed?: CommentFeed;
}

/** Most time posting the request may take, retries and rate limits included. */
const POST_BUDGET_MS = 15_000;
/** Most time a reply, a reaction or the closing of the issue may take. */
const NOTE_BUDGET_MS = 10_000;
/** Replies to ignored answers per request: a flood of comments cannot spend the write budget. */
const MAX_REPLIES = 10;

/**
 * Asks in a GitHub issue: comments the request (every runbook string escaped, the exact scripts
 * and the step hash), then looks at the comments after it, with conditional requests and a
 * growing pause while nothing changes, until someone who counts answers `/approve N` or
 * `/deny N`, or the time runs out. Who counts is checked when their answer is read
 * (`judgeComment`): people with `minimumRole` on the repository or listed in `approvers`; never
 * bots, edited comments, or the run's own actor approving a destructive step. Answers that
 * do not count get a short reply. Every failure is a denial (invariant 3); aborting withdraws the
 * request with a note (invariant 14).
 */
export class GitHubCommentApprovalProvider implements ApprovalProvider {
  readonly channel = "github_comment" as const;
  readonly #options: GitHubCommentApprovalOptions;
  #opened: Promise<number> | undefined;
  #feed: CommentFeed | undefined;
  readonly #notes = new Set<Promise<void>>();

  constructor(options: GitHubCommentApprovalOptions) {
    this.#options = options;
  }

  async request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    const deadline = Date.now() + options.timeoutMs;
    const call = { deadline, signal: options.signal };
    const step = request.step.index;
    const ended = (
      decision: "denied" | "timed_out",
      reasonCode: "channel_error" | "timeout",
      detail: string,
    ): ApprovalOutcome => ({
      decision,
      approver: undefined,
      channel: this.channel,
      stepHash: request.stepHash,
      at: new Date().toISOString(),
      reasonCode,
      detail,
    });
    /** The issue the request was posted in, once it was: only then is there one to close. */
    let issue: number | undefined;
    const expire = async (): Promise<ApprovalOutcome> => {
      const seconds = Math.round(options.timeoutMs / 1000);
      if (issue !== undefined)
        await this.#say(issue, renderClosedRequest(step, { kind: "expired", seconds }));
      return ended("timed_out", "timeout", "nobody answered in the GitHub issue in time");
    };
    try {
      const target = await this.#issue({ ...call, withdraw: options.signal });
      const { api } = this.#options;
      const body = renderApprovalRequest(
        request,
        this.#options.info,
        this.#summary(),
        this.#options.redact,
      );
      // Withdrawn before it is sent (waiting for the write pacing or a rate limit), it is never
      // posted. Once sent it is completed: a request GitHub has taken must be closed.
      const posted = await api.comment(target, body, {
        deadline: Math.min(deadline, Date.now() + POST_BUDGET_MS),
        withdraw: options.signal,
      });
      issue = target;
      if (options.signal.aborted) throw options.signal.reason;
      const context: CommentRequestContext = {
        step,
        risk: request.step.risk,
        requestCommentId: posted.id,
        requestCreatedAt: posted.createdAt,
        ownLogin: posted.user?.login,
      };
      const answer = await this.#watch(this.#feedOf(issue, posted.createdAt), context, call);
      if (answer === undefined) return await expire();
      return await this.#decide(issue, request, answer, options);
    } catch (error) {
      if (options.signal.aborted) {
        const reason: unknown = options.signal.reason;
        const why =
          reason instanceof ApprovalWithdrawnError
            ? reason.message
            : "not decided: the run was interrupted";
        if (issue !== undefined)
          this.#track(this.#say(issue, renderClosedRequest(step, { kind: "withdrawn", why })));
        throw reason;
      }
      if (error instanceof GitHubApiError && error.code === "deadline") return await expire();
      const message = error instanceof Error ? error.message : String(error);
      if (issue !== undefined)
        await this.#say(issue, renderClosedRequest(step, { kind: "failed", error: message }));
      return ended("denied", "channel_error", message);
    }
  }

  /**
   * Waits for notes still being posted (withdrawals), then closes the issue this provider
   * opened, if any. Call once when the run ends; failures here change nothing decided.
   */
  async finish(): Promise<void> {
    await Promise.allSettled([...this.#notes]);
    const opened = this.#opened;
    if (opened === undefined) return;
    const issue = await opened.catch(() => undefined);
    if (issue === undefined) return;
    await this.#options.api
      .closeIssue(issue, { deadline: Date.now() + NOTE_BUDGET_MS })
      .catch(() => undefined);
  }

  /** The `issue-number`, or the issue opened for this run (once, at the first request). */
  #issue(call: GitHubCallOptions): Promise<number> {
    if (this.#options.issueNumber !== undefined) return Promise.resolve(this.#options.issueNumber);
    if (this.#opened === undefined) {
      const { title, body } = renderApprovalIssue(
        this.#options.runbook,
        this.#options.info,
        this.#options.redact,
      );
      const deadline = Math.min(call.deadline ?? Infinity, Date.now() + POST_BUDGET_MS);
      const opening = this.#options.api
        .createIssue(title, body, {
          deadline,
          ...(call.withdraw === undefined ? {} : { withdraw: call.withdraw }),
        })
        .then((issue) => issue.number);
      // A failed opening is tried again at the next request.
      opening.catch(() => {
        if (this.#opened === opening) this.#opened = undefined;
      });
      this.#opened = opening;
    }
    return this.#opened;
  }

  #summary() {
    return {
      listed: this.#options.approvers.map((entry) =>
        entry.kind === "user" ? entry.login : `${entry.org}/${entry.slug}`,
      ),
      preventSelfApproval: this.#options.self.preventSelfApproval,
    };
  }

  /** The issue's comments: the shared feed, or one of this provider's from `since` on. */
  #feedOf(issue: number, since: string): CommentFeed {
    const given = this.#options.feed;
    if (given?.issue === issue) return given;
    if (this.#feed?.issue !== issue) this.#feed = new CommentFeed(this.#options.api, issue, since);
    return this.#feed;
  }

  /** Reads the comments until one counts; `undefined` when the time ran out first. */
  async #watch(
    feed: CommentFeed,
    context: CommentRequestContext,
    call: { readonly deadline: number; readonly signal: AbortSignal },
  ): Promise<CountedAnswer | undefined> {
    const poll = this.#options.pollMs ?? { first: 1000, max: 30_000 };
    const reader = feed.read({ firstMs: poll.first, maxMs: poll.max });
    const judged = new Set<string>();
    const replied = new Set<string>();
    try {
      for (;;) {
        const comments = await reader.next(call);
        if (call.signal.aborted) throw call.signal.reason;
        if (comments === undefined) return undefined;
        // Every new answer of this look is judged: a denial that counts wins over an approval
        // seen in the same look (as in Slack), else the first approval that counts.
        let approval: CountedAnswer | undefined;
        for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
          // An edit makes a new version: judged again, so the edit is answered.
          const version = `${comment.id}@${comment.updatedAt}`;
          if (judged.has(version)) continue;
          judged.add(version);
          const judgement = await judgeComment(comment, context, this.#options, call);
          if (judgement.kind === "counted") {
            const answer = { comment, command: judgement.command, why: judgement.why };
            if (answer.command.kind === "deny") return answer;
            approval ??= answer;
            continue;
          }
          if (judgement.kind === "ignore") {
            const login = comment.user?.login ?? "ghost";
            const key = `${login.toLowerCase()}:${judgement.reason}`;
            if (replied.has(key) || replied.size >= MAX_REPLIES) continue;
            replied.add(key);
            await this.#say(
              feed.issue,
              renderIgnoredReply(
                context.step,
                judgement.reason,
                { login, url: comment.htmlUrl },
                judgement.detail,
              ),
            );
          }
        }
        if (approval !== undefined) return approval;
      }
    } finally {
      reader.close();
    }
  }

  /**
   * The decision: the outcome with its proof, then, unless another channel decided first (the
   * request is then withdrawn), the answer acknowledged and answered in the issue.
   */
  async #decide(
    issue: number,
    request: ApprovalRequest,
    answer: CountedAnswer,
    options: ApprovalOptions,
  ): Promise<ApprovalOutcome> {
    const { comment, command } = answer;
    const login = comment.user?.login ?? "";
    const decision = command.kind === "approve" ? "approved" : "denied";
    const outcome: ApprovalOutcome = {
      decision,
      approver: login,
      channel: this.channel,
      stepHash: request.stepHash,
      at: new Date().toISOString(),
      reasonCode: decision === "approved" ? "approved" : "answered_no",
      detail: `${login} (${answer.why}) in ${comment.htmlUrl} at ${comment.createdAt}`,
      evidence: {
        approvers: [{ id: String(comment.user?.id ?? ""), name: login }],
        hashShown: request.stepHash,
        link: comment.htmlUrl,
        answeredAt: comment.createdAt,
      },
    };
    if (options.claim?.(outcome) === false) throw options.signal.reason;
    await this.#options.api
      .react(comment.id, decision === "approved" ? "+1" : "-1", {
        deadline: Date.now() + NOTE_BUDGET_MS,
      })
      .catch(() => undefined);
    await this.#say(
      issue,
      renderDecision(request.step.index, decision, { login, url: comment.htmlUrl }),
    );
    return outcome;
  }

  /** Posts a note in the issue; a failure here changes nothing already decided. */
  async #say(issue: number, body: string): Promise<void> {
    await this.#options.api.comment(issue, body, { deadline: Date.now() + NOTE_BUDGET_MS }).then(
      () => undefined,
      () => undefined,
    );
  }

  #track(note: Promise<void>): void {
    this.#notes.add(note);
    void note.finally(() => this.#notes.delete(note));
  }
}
