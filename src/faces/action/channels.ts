import { GitHubCommentApprovalProvider } from "../../adapters/github/comment-approval.js";
import type { CommentFeed } from "../../adapters/github/comment-feed.js";
import { SlackApprovalProvider } from "../../adapters/slack/approval-provider.js";
import type { Config } from "../../config/types.js";
import type { MinimumRole } from "../../core/repository-role.js";
import { RunbookExecError } from "../../core/errors.js";
import type { Env } from "../../core/io.js";
import { EnvironmentApprovalProvider, type EnvironmentGrant } from "../../gate/environment.js";
import { FirstAnswerProvider } from "../../gate/first-answer.js";
import { parseApprover, type ApproverEntry } from "../../gate/github-comments.js";
import type { ApprovalProvider } from "../../gate/types.js";
import type { Redact } from "../../redact/redactor.js";
import type { RunPorts } from "./ports.js";
import type { ActionApprovalChannel, RunInputs } from "./run-inputs.js";

/** What the channels of the `approval` input are built from. */
export interface ChannelSettings {
  readonly run: RunInputs;
  readonly environment: EnvironmentGrant;
  readonly config: Config;
  /** The runner's environment (`GITHUB_ACTOR`, `GITHUB_RUN_ID`, `GITHUB_SERVER_URL`…). */
  readonly env: Env;
  readonly runbook: { readonly title: string; readonly path: string };
  readonly stepCount: number;
  /** The runner's host name, for Slack's request. */
  readonly host: string;
  readonly redact: Redact;
  readonly ports: Pick<RunPorts, "issuesApi" | "slackApi">;
  /** The role whose holders answer `approval: github` (default `write`; ChatOps: `chatops-permission`). */
  readonly minimumRole?: MinimumRole;
  /** Hears "step 3 approved in Slack by alice" when one of several channels decides. */
  readonly announce: (message: string) => void;
  /** The issue's comments as another reader already reads them (ChatOps), to share one stream. */
  readonly comments?: CommentFeed;
}

/** The run's approvals, and what must happen when the run ends. */
export interface ActionChannels {
  readonly approvals: ApprovalProvider;
  /** One line for the job log: which channels are asked, and where. */
  readonly banner: string;
  /** Closes what the channels opened (the issue `github` opened); never throws. */
  finish(): Promise<void>;
}

/**
 * The one place the action turns the `approval` input into providers: every listed channel is
 * asked at once and the first decisive answer wins (`FirstAnswerProvider`, invariant 14).
 * @throws RunbookExecError (`USAGE`) naming the input a channel is missing.
 */
export function composeApprovalChannels(
  channels: ReadonlySet<ActionApprovalChannel>,
  settings: ChannelSettings,
): ActionChannels {
  const finishers: (() => Promise<void>)[] = [];
  const { run, config } = settings;
  const where: Readonly<Record<ActionApprovalChannel, string>> = {
    environment: `environment ${run.environment ?? "(none)"} up to ${run.environmentLevel}`,
    github:
      run.issueNumber === undefined
        ? "GitHub comments in an issue opened for this run"
        : `GitHub comments in issue #${run.issueNumber}`,
    slack: `Slack ${run.slackChannel ?? config.slackChannel ?? ""}`,
  };
  const providers = [...channels].map((channel): ApprovalProvider => {
    if (channel === "environment") return new EnvironmentApprovalProvider(settings.environment);
    if (channel === "slack") return slackProvider(settings);
    const github = githubProvider(settings);
    finishers.push(() => github.finish());
    return github;
  });
  const [first, ...rest] = providers;
  if (first === undefined) throw new RunbookExecError("USAGE", "`approval` names no channel");
  return {
    approvals:
      rest.length === 0
        ? first
        : new FirstAnswerProvider([first, ...rest], { announce: settings.announce }),
    banner: `Approval channels: ${[...channels].map((channel) => where[channel]).join("; ")}.`,
    finish: async () => {
      await Promise.allSettled(finishers.map((finish) => finish()));
    },
  };
}

function githubProvider(settings: ChannelSettings): GitHubCommentApprovalProvider {
  const { run, env } = settings;
  const approvers = run.approvers.map((entry): ApproverEntry => {
    const parsed = parseApprover(entry);
    if (parsed === undefined)
      throw new RunbookExecError(
        "USAGE",
        `Input \`approvers\`: \`${entry}\` is neither a GitHub login nor \`org/team-slug\`.`,
      );
    return parsed;
  });
  const runId = env["GITHUB_RUN_ID"] ?? "local";
  const server = env["GITHUB_SERVER_URL"];
  const repository = env["GITHUB_REPOSITORY"];
  const actors = [env["GITHUB_ACTOR"], env["GITHUB_TRIGGERING_ACTOR"]].filter(
    (actor): actor is string => actor !== undefined && actor !== "",
  );
  return new GitHubCommentApprovalProvider({
    api: settings.ports.issuesApi(),
    issueNumber: run.issueNumber,
    runbook: settings.runbook,
    info: {
      runId,
      runUrl:
        server === undefined || repository === undefined || runId === "local"
          ? undefined
          : `${server}/${repository}/actions/runs/${runId}`,
      stepCount: settings.stepCount,
      actor: env["GITHUB_TRIGGERING_ACTOR"] ?? env["GITHUB_ACTOR"],
    },
    approvers,
    self: { preventSelfApproval: run.preventSelfApproval, actors },
    redact: settings.redact,
    ...(settings.minimumRole === undefined ? {} : { minimumRole: settings.minimumRole }),
    ...(settings.comments === undefined ? {} : { feed: settings.comments }),
  });
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_GROUP = /^S[A-Z0-9]{2,}$/;

function slackProvider(settings: ChannelSettings): SlackApprovalProvider {
  const { run, config, env } = settings;
  const channel = run.slackChannel ?? config.slackChannel;
  if (channel === undefined || run.slackBotToken === undefined) {
    throw new RunbookExecError(
      "USAGE",
      "`approval: slack` needs the inputs `slack-channel` and `slack-bot-token` (from a secret).",
    );
  }
  for (const id of run.slackApprovers) {
    if (!SLACK_USER.test(id) && !SLACK_GROUP.test(id))
      throw new RunbookExecError(
        "USAGE",
        `Input \`slack-approvers\`: \`${id}\` is not a Slack user ID (U…/W…) or user-group ID (S…).`,
      );
  }
  const fromInput = run.slackApprovers.length > 0;
  return new SlackApprovalProvider({
    api: settings.ports.slackApi(run.slackBotToken, config.slackApiUrl),
    channel,
    info: {
      runId: env["GITHUB_RUN_ID"] ?? "local",
      host: settings.host,
      user: env["GITHUB_TRIGGERING_ACTOR"] ?? env["GITHUB_ACTOR"] ?? "unknown",
      requester: config.slackRequester,
      stepCount: settings.stepCount,
    },
    approvers: fromInput
      ? run.slackApprovers.filter((id) => SLACK_USER.test(id))
      : config.slackApprovers,
    approverGroups: fromInput
      ? run.slackApprovers.filter((id) => SLACK_GROUP.test(id))
      : config.slackApproverGroups,
    minApprovals: config.slackMinApprovals,
    preventSelfApproval: config.slackPreventSelfApproval,
    pollIntervalMs: config.slackPollIntervalSeconds * 1000,
  });
}
