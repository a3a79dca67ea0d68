import type { Config } from "../../config/types.js";
import type { Env, TextSink } from "../../core/io.js";
import type { RiskModel } from "../../risk/model.js";
import type { SignalSource } from "../../run/ports.js";
import type { ApprovalProvider } from "../../gate/types.js";
import type { Operator, RunView } from "../../run/ports.js";
import type { RunStartPayload } from "../../audit/records.js";
import type { Redact } from "../../redact/redactor.js";

/** Slack's part of one run, when Slack is configured: approvals, operator, notifications. */
export interface SlackPart {
  readonly approvals: ApprovalProvider;
  readonly operator: Operator;
  readonly views: readonly RunView[];
  flush(timeoutMs?: number): Promise<void>;
}

/** Builds Slack's part of a run, or `undefined` when Slack is not configured. */
export type SlackFactory = (input: {
  readonly runId: string;
  readonly runStart: RunStartPayload;
  /** The runbook as people are shown it, relative to the root. */
  readonly runbookPath: string;
  readonly redact: Redact;
}) => SlackPart | undefined;

/** Everything the MCP server's tools share, fixed when the server starts. */
export interface McpContext {
  /** The real path every tool path must stay under. */
  readonly root: string;
  /** The operator's configuration, loaded once from the root (never from a tool argument). */
  readonly config: Config;
  readonly env: Env;
  /** Logs for the operator (stdout is the protocol's). */
  readonly log: TextSink;
  readonly riskModel: RiskModel | undefined;
  /** This process's SIGINT/SIGTERM, for live runs. */
  readonly signals: SignalSource;
  readonly slack: SlackFactory;
  /** Told when a live run has ended (its `run_end` written). */
  readonly runEnded: () => void;
}
