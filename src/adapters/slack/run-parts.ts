import type { RunStartPayload } from "../../audit/records.js";
import type { Config } from "../../config/types.js";
import type { Env } from "../../core/io.js";
import type { Redact } from "../../redact/redactor.js";
import { SlackApprovalProvider } from "./approval-provider.js";
import { createSlackApi } from "./client.js";
import { SlackDirectory } from "./directory.js";
import { SlackRunNotifier } from "./notifier.js";
import { SlackOperator } from "./operator.js";

/** The bot token's variable: Slack's token comes from the environment only. */
export const SLACK_TOKEN_ENV = "SLACK_BOT_TOKEN";

/** Slack allows many apps one `conversations.replies` a minute. */
const REPLIES_INTERVAL_MS = 60_000;

/** What a run's Slack parts are built from. */
export interface SlackPartsInput {
  readonly config: Config;
  readonly env: Env;
  readonly runStart: RunStartPayload;
  /** The runbook as people are shown it (`PreparedRun.shownPath`), never the host's path. */
  readonly runbookPath: string;
  readonly runId: string;
  readonly redact: Redact;
  /** Where a Slack problem that does not stop the run is reported. */
  readonly notice: (message: string) => void;
}

/** One run's Slack: the approval provider, the run's notifier (unless off), the operator. */
export interface SlackParts {
  readonly approvals: SlackApprovalProvider;
  readonly notifier: SlackRunNotifier | undefined;
  readonly operator: SlackOperator;
}

/** True when both the bot token and `slack_channel` are set. */
export function slackConfigured(config: Pick<Config, "slackChannel">, env: Env): boolean {
  return config.slackChannel !== undefined && (env[SLACK_TOKEN_ENV] ?? "") !== "";
}

/** Why Slack is off although half configured; `undefined` when it is on or not wanted at all. */
export function slackOffReason(config: Pick<Config, "slackChannel">, env: Env): string | undefined {
  const token = env[SLACK_TOKEN_ENV] ?? "";
  if (token !== "" && config.slackChannel === undefined)
    return `Slack is off: ${SLACK_TOKEN_ENV} is set but \`slack_channel\` is not; set it to the channel for approvals`;
  if (token === "" && config.slackChannel !== undefined)
    return `Slack is off: \`slack_channel\` is set but ${SLACK_TOKEN_ENV} is not; export the app's bot token (xoxb-…)`;
  return undefined;
}

/**
 * A run's Slack parts over one Web API client, or `undefined` unless both the bot token and
 * `slack_channel` are set. Every face that offers Slack builds it here.
 */
export function buildSlackParts(input: SlackPartsInput): SlackParts | undefined {
  const { config, env, runStart } = input;
  const channel = config.slackChannel;
  const token = env[SLACK_TOKEN_ENV] ?? "";
  if (channel === undefined || token === "") return undefined;
  const api = createSlackApi({ token, apiUrl: config.slackApiUrl });
  const directory = new SlackDirectory(api, {
    approvers: config.slackApprovers,
    approverGroups: config.slackApproverGroups,
    requester: config.slackRequester,
    preventSelfApproval: config.slackPreventSelfApproval,
  });
  const pollIntervalMs = config.slackPollIntervalSeconds * 1000;
  const approvals = new SlackApprovalProvider({
    api,
    channel,
    info: {
      runId: input.runId,
      host: runStart.host,
      user: runStart.user,
      requester: config.slackRequester,
      stepCount: runStart.stepCount,
    },
    directory,
    approvers: config.slackApprovers,
    approverGroups: config.slackApproverGroups,
    minApprovals: config.slackMinApprovals,
    preventSelfApproval: config.slackPreventSelfApproval,
    pollIntervalMs,
  });
  const notifier =
    config.slackNotify === false
      ? undefined
      : new SlackRunNotifier({
          api,
          channel,
          run: {
            runbookTitle: runStart.runbook.title,
            runbookPath: input.runbookPath,
            incidentId: runStart.incidentId,
            mode: runStart.mode,
            host: runStart.host,
            user: runStart.user,
            requester: config.slackRequester,
            runId: input.runId,
            stepCount: runStart.stepCount,
          },
          includeOutput: config.slackNotifyOutput,
          redact: input.redact,
          onProblem: input.notice,
        });
  const operator = new SlackOperator({
    api,
    channel,
    directory,
    thread: () => notifier?.thread,
    timeoutMs: config.approvalTimeoutSeconds * 1000,
    pollIntervalMs,
    repliesIntervalMs: REPLIES_INTERVAL_MS,
  });
  return { approvals, notifier, operator };
}
