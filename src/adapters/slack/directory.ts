import type { SlackApi, SlackCallOptions, SlackUser } from "../../gate/slack-api.js";
import type { ApproverPolicy } from "../../gate/slack-quorum.js";

/** What the directory needs from the configuration. */
export interface DirectoryConfig {
  readonly approvers: readonly string[];
  readonly approverGroups: readonly string[];
  readonly requester: string | undefined;
  readonly preventSelfApproval: boolean;
}

/** Most time one `users.info` lookup may take: names are nice to have, answers are not. */
const LOOKUP_BUDGET_MS = 5000;

/**
 * Who is who in Slack for one run: the bot's own user ID (`auth.test`), the allowed approvers
 * (`slack_approvers` plus the members of `slack_approver_groups`), and the names and kinds of the
 * users who reacted (`users.info`, cached). A user `users.info` cannot describe (no `users:read`,
 * an error) keeps its ID as its name and is not known to be a person.
 */
export class SlackDirectory {
  readonly #api: SlackApi;
  readonly #config: DirectoryConfig;
  #policy: ApproverPolicy | undefined;
  readonly #users = new Map<string, SlackUser | "unknown">();

  constructor(api: SlackApi, config: DirectoryConfig) {
    this.#api = api;
    this.#config = config;
  }

  /** The approver policy; resolved once (a failure is retried on the next request). */
  async policy(options: SlackCallOptions): Promise<ApproverPolicy> {
    if (this.#policy !== undefined) return this.#policy;
    const identity = await this.#api.authTest(options);
    const { approvers, approverGroups } = this.#config;
    let allowed: Set<string> | undefined;
    if (approvers.length > 0 || approverGroups.length > 0) {
      allowed = new Set(approvers);
      for (const group of approverGroups)
        for (const member of await this.#api.groupMembers(group, options)) allowed.add(member);
    }
    this.#policy = {
      allowed,
      botUserId: identity.userId,
      requester: this.#config.requester,
      preventSelfApproval: this.#config.preventSelfApproval,
    };
    return this.#policy;
  }

  /** Looks up users not seen before; never throws (an unknown user simply does not count). */
  async learn(users: readonly string[], options: SlackCallOptions): Promise<void> {
    for (const id of new Set(users)) {
      if (this.#users.has(id)) continue;
      const deadline = Math.min(options.deadline ?? Infinity, Date.now() + LOOKUP_BUDGET_MS);
      try {
        this.#users.set(id, await this.#api.user(id, { ...options, deadline }));
      } catch (error) {
        if (options.signal?.aborted === true) throw error;
        this.#users.set(id, "unknown");
      }
    }
  }

  /** True when Slack says `id` is an active person (not a bot, not deactivated). */
  isPerson(id: string): boolean {
    const user = this.#users.get(id);
    return user !== undefined && user !== "unknown" && !user.isBot && !user.deleted;
  }

  /** The user's display name, or the ID when Slack did not say. */
  name(id: string): string {
    const user = this.#users.get(id);
    return user === undefined || user === "unknown" ? id : user.name;
  }
}
