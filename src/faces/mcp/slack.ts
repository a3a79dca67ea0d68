import { buildSlackParts } from "../../adapters/slack/run-parts.js";
import type { Config } from "../../config/types.js";
import type { Env } from "../../core/io.js";
import type { SlackFactory } from "./context.js";

/** Most time the end of a run waits for its queued Slack posts. */
const FLUSH_MS = 30_000;

/**
 * Slack for the MCP server's runs, as the CLI has it (approvals, the failure direction when the
 * client cannot ask, run notifications), when `SLACK_BOT_TOKEN` and `slack_channel` are set.
 */
export function slackFactory(
  config: Config,
  env: Env,
  notice: (message: string) => void,
): SlackFactory {
  return ({ runId, runStart, runbookPath, redact }) => {
    const parts = buildSlackParts({ config, env, runStart, runbookPath, runId, redact, notice });
    if (parts === undefined) return undefined;
    const { approvals, operator, notifier } = parts;
    return {
      approvals,
      operator,
      views: notifier === undefined ? [] : [notifier],
      flush: (timeoutMs = FLUSH_MS) => notifier?.flush(timeoutMs) ?? Promise.resolve(),
    };
  };
}
