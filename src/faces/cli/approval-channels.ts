import { createSlackApi } from "../../adapters/slack/client.js";
import type { ApprovalProvider } from "../../gate/types.js";
import type { RunStartPayload } from "../../audit/records.js";
import type { Config } from "../../config/types.js";
import { FirstAnswerProvider } from "../../gate/first-answer.js";
import { SlackApprovalProvider } from "../../adapters/slack/approval-provider.js";
import { SlackDirectory } from "../../adapters/slack/directory.js";
import type { Redact } from "../../redact/redactor.js";
import type { Operator, RunView } from "../../run/ports.js";
import { SlackRunNotifier } from "../../adapters/slack/notifier.js";
import { SlackOperator } from "../../adapters/slack/operator.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The bot token's variable: Slack's token comes from the environment only. */
export const SLACK_TOKEN_ENV = "SLACK_BOT_TOKEN";

/** Slack allows many apps one `conversations.replies` a minute. */
const REPLIES_INTERVAL_MS = 60_000;
/** Most time the end of a run waits for queued Slack posts. */
const FLUSH_MS = 30_000;

/** What the run's channels are built from. */
export interface ChannelInput {
  readonly config: Config;
  readonly env: Env;
  readonly runStart: RunStartPayload;
  readonly runId: string;
  readonly redact: Redact;
  /** The terminal's approval provider: asks when stdin is a TTY, denies (with a hint) otherwise. */
  readonly terminal: ApprovalProvider;
  /** The terminal's operator, when stdin is a TTY. */
  readonly terminalOperator: Operator | undefined;
  /** Where a Slack problem that does not stop the run is reported. */
  readonly notice: (message: string) => void;
}

/** The approval channels, operator and extra views of one run, and its banner. */
export interface RunChannels {
  readonly approvals: ApprovalProvider;
  readonly operator: Operator | undefined;
  readonly views: readonly RunView[];
  /** The startup banner: which channels are active (and why Slack is not, when half set up). */
  readonly banner: string;
  /** Waits for the run's Slack posts, at most `timeoutMs` (default 30 s), then drops the rest. */
  flush(timeoutMs?: number): Promise<void>;
}

/**
 * Which channels a run asks: the terminal when stdin is a TTY, Slack when `SLACK_BOT_TOKEN` and
 * `slack_channel` are both set, both at once when both are there (the first decisive answer
 * wins). After a failure the terminal is asked when there is one, else Slack. With neither,
 * steps that need approval are denied, as the terminal provider says.
 */
export function buildRunChannels(input: ChannelInput): RunChannels {
  const { config, env } = input;
  const interactive = input.terminalOperator !== undefined;
  const token = env[SLACK_TOKEN_ENV] ?? "";
  const slackOff = slackOffReason(token, config.slackChannel);
  if (slackOff !== undefined || config.slackChannel === undefined) {
    const active = interactive
      ? "terminal"
      : "none (stdin is not a terminal and Slack is not configured): steps that need approval are denied";
    return {
      approvals: input.terminal,
      operator: input.terminalOperator,
      views: [],
      banner: `approval channels: ${active}${slackOff === undefined ? "" : `\n${slackOff}`}`,
      flush: () => Promise.resolve(),
    };
  }
  const channel = config.slackChannel;
  const api = createSlackApi({ token, apiUrl: config.slackApiUrl });
  const directory = new SlackDirectory(api, {
    approvers: config.slackApprovers,
    approverGroups: config.slackApproverGroups,
    requester: config.slackRequester,
    preventSelfApproval: config.slackPreventSelfApproval,
  });
  const { runStart } = input;
  const info = {
    runId: input.runId,
    host: runStart.host,
    user: runStart.user,
    requester: config.slackRequester,
    stepCount: runStart.stepCount,
  };
  const pollIntervalMs = config.slackPollIntervalSeconds * 1000;
  const slack = new SlackApprovalProvider({
    api,
    channel,
    info,
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
            runbookPath: runStart.runbook.path,
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
  const operator =
    input.terminalOperator ??
    new SlackOperator({
      api,
      channel,
      directory,
      thread: () => notifier?.thread,
      timeoutMs: config.approvalTimeoutSeconds * 1000,
      pollIntervalMs,
      repliesIntervalMs: REPLIES_INTERVAL_MS,
    });
  return {
    approvals: interactive
      ? new FirstAnswerProvider([input.terminal, slack], { announce: input.notice })
      : slack,
    operator,
    views: notifier === undefined ? [] : [notifier],
    banner: `approval channels: ${interactive ? "terminal, " : ""}${slackBanner(config)}`,
    flush: (timeoutMs = FLUSH_MS) => notifier?.flush(timeoutMs) ?? Promise.resolve(),
  };
}

/** Why Slack is off although half configured; `undefined` when it is on or not wanted at all. */
function slackOffReason(token: string, channel: string | undefined): string | undefined {
  if (token !== "" && channel === undefined)
    return `Slack is off: ${SLACK_TOKEN_ENV} is set but \`slack_channel\` is not; set it to the channel for approvals`;
  if (token === "" && channel !== undefined)
    return `Slack is off: \`slack_channel\` is set but ${SLACK_TOKEN_ENV} is not; export the app's bot token (xoxb-…)`;
  return undefined;
}

function slackBanner(config: Config): string {
  const who =
    config.slackApprovers.length === 0 && config.slackApproverGroups.length === 0
      ? "any person in the channel may approve, except whoever started the run"
      : `approvers ${[...config.slackApprovers, ...config.slackApproverGroups.map((g) => `group ${g}`)].join(", ")}`;
  const quorum = Object.entries(config.slackMinApprovals)
    .filter(([, count]) => count !== undefined && count > 1)
    .map(([level, count]) => `${level} needs ${String(count)}`);
  const notify = config.slackNotify === false ? "" : "; run posted to the channel";
  const self =
    config.slackPreventSelfApproval && config.slackRequester === undefined
      ? "; `slack_requester` is not set, so self-approval cannot be prevented"
      : "";
  return `Slack ${config.slackChannel ?? ""} (${who}${quorum.length > 0 ? `; ${quorum.join(", ")}` : ""}${notify}${self})`;
}
