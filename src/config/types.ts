import type { Severity } from "../core/findings.js";
import type { RiskLevel } from "../core/risk.js";

/** A rule's configured severity; `off` disables it. */
export type RuleSeverity = Severity | "off";

/**
 * Effective configuration after merging defaults < `.runbook-exec.toml` < environment < flags.
 * Keys mirror the TOML file (snake_case there, camelCase here).
 */
export interface Config {
  /** Claude model for classification and post-step decisions. */
  readonly llmModel: string;
  /** Slack channel for approvals, when Slack is configured. */
  readonly slackChannel: string | undefined;
  /** Per-step command timeout in seconds (a fence `timeout=` overrides it). */
  readonly timeoutSeconds: number;
  /** How long to wait for an approval before treating it as denied. */
  readonly approvalTimeoutSeconds: number;
  /** Highest risk that runs without approval. */
  readonly autoApproveLevel: RiskLevel;
  readonly auditLogDir: string;
  /** Restore the old "first inline code span is the command" behaviour. */
  readonly inlineCodeCommands: boolean;
  /** Shell for fences without a language and for `shell`/`console`. */
  readonly defaultShell: string;
  /** Language → program overrides, e.g. `sql = "psql -X -v ON_ERROR_STOP=1 -f -"`. */
  readonly interpreters: Readonly<Record<string, string>>;
  /** Rule id or alias → severity. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly dryRun: boolean;
  /** Rules only: never call Claude. */
  readonly noLlm: boolean;
  /** No post-step Claude decisions. */
  readonly noLlmContext: boolean;
  /** Keep unknown commands at `modifying` even when Claude says `read_only`. */
  readonly strict: boolean;
  /** Claude request timeout, seconds. */
  readonly llmTimeoutSeconds: number;
  /** Most time a run (or a validate) waits for Claude's classification, all requests together, seconds. */
  readonly llmClassifyBudgetSeconds: number;
  /** Most time one post-step decision may hold up a run, retries included, seconds. */
  readonly llmDecisionBudgetSeconds: number;
  /** Concurrent classification requests. */
  readonly llmConcurrency: number;
  readonly cacheDir: string;
  /** Working directory for steps; default: the runbook's directory. */
  readonly workingDirectory: string | undefined;
  /** Environment variable names passed to steps even though they look secret. */
  readonly passEnv: readonly string[];
  /** Where the config file was found, if any (for messages and `run_start`). */
  readonly configFile: string | undefined;
}

export const DEFAULT_CONFIG: Config = {
  llmModel: "claude-sonnet-5-5",
  slackChannel: undefined,
  timeoutSeconds: 300,
  approvalTimeoutSeconds: 900,
  autoApproveLevel: "read_only",
  auditLogDir: "./runbook-exec-logs",
  inlineCodeCommands: false,
  defaultShell: "bash",
  interpreters: {},
  rules: {},
  dryRun: false,
  noLlm: false,
  noLlmContext: false,
  strict: false,
  llmTimeoutSeconds: 30,
  llmClassifyBudgetSeconds: 20,
  llmDecisionBudgetSeconds: 10,
  llmConcurrency: 4,
  cacheDir: ".runbook-exec-cache",
  workingDirectory: undefined,
  passEnv: [],
  configFile: undefined,
};
