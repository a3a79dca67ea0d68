import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalRequest,
} from "../../gate/types.js";
import type { RiskLevel } from "../../core/risk.js";
import {
  renderApprovalMessage,
  type ApprovalMessageState,
  type SlackPerson,
  type SlackRunInfo,
} from "../../present/slack/approval-message.js";
import { renderIgnoredNote } from "../../present/slack/notes.js";
import {
  SlackApiError,
  type SlackApi,
  type SlackMessage,
  type SlackMessageRef,
} from "../../gate/slack-api.js";
import { SlackDirectory } from "./directory.js";
import { tallyReactions, type IgnoreReason } from "../../gate/slack-quorum.js";
import { wait } from "../../gate/wait.js";
import { ApprovalWithdrawnError } from "../../gate/withdrawn.js";

/** Who may approve in Slack, as configured. */
export interface SlackApproverConfig {
  /** `slack_approvers`: user IDs. */
  readonly approvers: readonly string[];
  /** `slack_approver_groups`: user-group IDs, expanded with `usergroups.users.list`. */
  readonly approverGroups: readonly string[];
  /** `slack_min_approvals`: distinct approvals needed per risk level (default 1). */
  readonly minApprovals: { readonly [L in RiskLevel]?: number | undefined };
  /** `slack_prevent_self_approval`: the requester's reactions do not count. */
  readonly preventSelfApproval: boolean;
}

/** Options of {@link SlackApprovalProvider}. */
export interface SlackApprovalOptions extends SlackApproverConfig {
  readonly api: SlackApi;
  /** `slack_channel`: an ID or `#name`. */
  readonly channel: string;
  readonly info: SlackRunInfo;
  /** Time between two looks at the reactions (default 3 s; `reactions.get` is Tier 3). */
  readonly pollIntervalMs?: number;
  /** Shared with the Slack operator, so both resolve the approvers once; built from the options otherwise. */
  readonly directory?: SlackDirectory;
  /** Budget of the update made after a decision, expiry or withdrawal (default 10 s). */
  readonly updateBudgetMs?: number;
}

/** Time between two looks at the reactions unless the options say otherwise. */
const DEFAULT_POLL_MS = 3000;
/** Most time posting the request may take, retries included. */
const POST_BUDGET_MS = 15_000;

/**
 * Asks in Slack: posts the request (Block Kit, every runbook string escaped), polls its
 * reactions until enough allowed approvers approve, one denies, or the time runs out, then
 * updates the message with the outcome. Every Slack failure is a denial that carries the error
 * and its fix (safety invariant 3); nothing ever defaults to approved. Aborting the signal
 * withdraws the request: the message says why, and the promise rejects with the signal's reason.
 */
export class SlackApprovalProvider implements ApprovalProvider {
  readonly channel = "slack" as const;
  readonly #options: SlackApprovalOptions;
  readonly #directory: SlackDirectory;

  constructor(options: SlackApprovalOptions) {
    this.#options = options;
    this.#directory =
      options.directory ??
      new SlackDirectory(options.api, {
        approvers: options.approvers,
        approverGroups: options.approverGroups,
        requester: options.info.requester,
        preventSelfApproval: options.preventSelfApproval,
      });
  }

  async request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    const deadline = Date.now() + options.timeoutMs;
    const base = {
      channel: this.channel,
      stepHash: request.stepHash,
    } as const;
    const denied = (reasonCode: "channel_error" | "timeout", detail: string): ApprovalOutcome => ({
      ...base,
      decision: reasonCode === "timeout" ? "timed_out" : "denied",
      approver: undefined,
      at: new Date().toISOString(),
      reasonCode,
      detail,
    });
    const minApprovals = this.#options.minApprovals[request.step.risk] ?? 1;
    let posted: SlackMessageRef | undefined;
    let render: ((state: ApprovalMessageState) => SlackMessage) | undefined;
    try {
      const policy = await this.#directory.policy({ deadline, signal: options.signal });
      if (policy.allowed !== undefined && policy.allowed.size < minApprovals) {
        return denied(
          "channel_error",
          `step ${request.step.index} needs ${minApprovals} Slack approvals but only ${policy.allowed.size} approver(s) may answer; fix: add approvers or lower \`slack_min_approvals.${request.step.risk}\``,
        );
      }
      const summary = {
        allowed: policy.allowed === undefined ? undefined : [...policy.allowed],
        minApprovals,
      };
      render = (state: ApprovalMessageState): SlackMessage =>
        renderApprovalMessage(request, this.#options.info, summary, state);
      // Withdrawn before it is sent (waiting for its turn or a rate limit), it is never posted:
      // nobody sees a request already decided. Once sent it is completed, because a request
      // Slack has taken must be updated, or it would ask for an answer nobody reads. Bounded, so
      // a failing Slack cannot hold a stop.
      posted = await this.#options.api.post(this.#options.channel, render({ kind: "pending" }), {
        deadline: Math.min(deadline, Date.now() + POST_BUDGET_MS),
        withdraw: options.signal,
      });
      if (options.signal.aborted) throw options.signal.reason;
      const said = new Set<string>();
      for (;;) {
        const pause = Math.min(
          this.#options.pollIntervalMs ?? DEFAULT_POLL_MS,
          deadline - Date.now(),
        );
        if (pause <= 0) {
          await this.#finish(posted, render({ kind: "expired" }));
          return denied("timeout", "nobody answered in Slack in time");
        }
        await wait(pause, options.signal);
        const reactions = await this.#options.api.reactions(posted, {
          deadline,
          signal: options.signal,
        });
        const users = reactions.flatMap((reaction) => reaction.users);
        await this.#directory.learn(users, { deadline, signal: options.signal });
        const tally = tallyReactions(reactions, policy, minApprovals, (user) =>
          this.#directory.isPerson(user),
        );
        await this.#sayIgnored(posted, tally.ignored, said);
        const { verdict } = tally;
        if (verdict.kind === "pending") continue;
        const people = (verdict.kind === "approved" ? verdict.approvers : [verdict.by]).map(
          (id): SlackPerson => ({ id, name: this.#directory.name(id) }),
        );
        const outcome: ApprovalOutcome = {
          ...base,
          decision: verdict.kind,
          approver: people.map((p) => (p.name === p.id ? p.id : `${p.name} (${p.id})`)).join(", "),
          at: new Date().toISOString(),
          reasonCode: verdict.kind === "approved" ? "approved" : "answered_no",
          evidence: {
            approvers: people,
            message: { channel: posted.channel, ts: posted.ts },
            hashShown: request.stepHash.slice(0, 12),
          },
        };
        // Another channel decided first: the message says so, never an outcome not followed.
        if (options.claim?.(outcome) === false) throw options.signal.reason;
        await this.#finish(
          posted,
          render(
            verdict.kind === "approved"
              ? { kind: "approved", approvers: people }
              : { kind: "denied", by: people[0] ?? { id: verdict.by, name: verdict.by } },
          ),
        );
        return outcome;
      }
    } catch (error) {
      if (options.signal.aborted) {
        const reason: unknown = options.signal.reason;
        const why =
          reason instanceof ApprovalWithdrawnError ? reason.message : "the run was interrupted";
        if (posted !== undefined && render !== undefined)
          void this.#finish(posted, render({ kind: "withdrawn", why }));
        throw reason;
      }
      if (error instanceof SlackApiError && error.code === "deadline") {
        if (posted !== undefined && render !== undefined)
          await this.#finish(posted, render({ kind: "expired" }));
        return denied("timeout", "nobody answered in Slack in time");
      }
      const message = error instanceof Error ? error.message : String(error);
      if (posted !== undefined && render !== undefined)
        await this.#finish(posted, render({ kind: "failed", error: message }));
      return denied("channel_error", message);
    }
  }

  /** Updates the request to its final state; a failure here changes nothing already decided. */
  async #finish(ref: SlackMessageRef, message: SlackMessage): Promise<void> {
    const budget = this.#options.updateBudgetMs ?? 10_000;
    await this.#options.api
      .update(ref, message, { deadline: Date.now() + budget })
      .catch(() => undefined);
  }

  /** Says once per user and reason, in the request's thread, that a reaction did not count. */
  async #sayIgnored(
    ref: SlackMessageRef,
    ignored: readonly { user: string; reaction: string; reason: IgnoreReason }[],
    said: Set<string>,
  ): Promise<void> {
    for (const entry of ignored) {
      const key = `${entry.user}:${entry.reason}`;
      if (said.has(key)) continue;
      said.add(key);
      await this.#options.api
        .post(this.#options.channel, { ...renderIgnoredNote(entry), threadTs: ref.ts })
        .catch(() => undefined);
    }
  }
}
