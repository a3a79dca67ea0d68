import type { ApprovalProvider } from "../../gate/types.js";
import type { RunStartPayload } from "../../audit/records.js";
import type { Config } from "../../config/types.js";
import { FirstAnswerProvider } from "../../gate/first-answer.js";
import type { Redact } from "../../redact/redactor.js";
import type { Operator, RunView } from "../../run/ports.js";
import { buildSlackParts, slackOffReason } from "../../adapters/slack/run-parts.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Most time the end of a run waits for queued Slack posts. */
const FLUSH_MS = 30_000;

/** What the run's channels are built from. */
export interface ChannelInput {
  readonly config: Config;
  readonly env: Env;
  readonly runStart: RunStartPayload;
  /** The runbook as people are shown it (`PreparedRun.shownPath`). */
  readonly runbookPath: string;
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
  const slackOff = slackOffReason(config, env);
  const slack = buildSlackParts(input);
  if (slack === undefined) {
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
  const { notifier } = slack;
  return {
    approvals: interactive
      ? new FirstAnswerProvider([input.terminal, slack.approvals], { announce: input.notice })
      : slack.approvals,
    operator: input.terminalOperator ?? slack.operator,
    views: notifier === undefined ? [] : [notifier],
    banner: `approval channels: ${interactive ? "terminal, " : ""}${slackBanner(config)}`,
    flush: (timeoutMs = FLUSH_MS) => notifier?.flush(timeoutMs) ?? Promise.resolve(),
  };
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
