import type { Severity } from "../core/findings.js";
import type { RiskLevel } from "../core/risk.js";
import type { ContainmentSetting } from "./file-schema.js";
/** A rule's configured severity; `off` disables it. */
export type RuleSeverity = Severity | "off";
/**
 * Effective configuration after merging defaults < `.runbook-exec.toml` < environment < flags.
 * Keys mirror the TOML file (snake_case there, camelCase here).
 */
export interface Config {
    /** Claude model for classification and post-step decisions. */
    readonly llmModel: string;
    /** Slack channel for approvals, when Slack is configured: an ID or `#name`. */
    readonly slackChannel: string | undefined;
    /** Slack user IDs who may approve; with no groups either, any person in the channel may. */
    readonly slackApprovers: readonly string[];
    /** Slack user-group IDs whose members may approve. */
    readonly slackApproverGroups: readonly string[];
    /** Distinct Slack approvals needed per risk level (default 1). */
    readonly slackMinApprovals: {
        readonly [L in RiskLevel]?: number | undefined;
    };
    /** Whoever started the run cannot approve it in Slack. */
    readonly slackPreventSelfApproval: boolean;
    /** The Slack user ID of whoever started the run. */
    readonly slackRequester: string | undefined;
    /** Slack Web API root. */
    readonly slackApiUrl: string;
    /** Post the run's start, steps and summary to Slack; `undefined`: yes when Slack is configured. */
    readonly slackNotify: boolean | undefined;
    /** Include redacted output excerpts in those posts. */
    readonly slackNotifyOutput: boolean;
    /** Time between two looks at an approval's reactions. */
    readonly slackPollIntervalSeconds: number;
    /** Per-step command timeout in seconds (a fence `timeout=` overrides it). */
    readonly timeoutSeconds: number;
    /** How long to wait for an approval before treating it as denied. */
    readonly approvalTimeoutSeconds: number;
    /** Highest risk that runs without approval. */
    readonly autoApproveLevel: RiskLevel;
    /**
     * Highest risk an MCP client's elicitation answer may approve (safety invariant 13): the
     * answer is relayed by the client, so it cannot prove a person gave it.
     */
    readonly mcpMaxApprovalLevel: RiskLevel;
    readonly auditLogDir: string;
    /** Restore the old "first inline code span is the command" behaviour. */
    readonly inlineCodeCommands: boolean;
    /** `fences`: a runbook without numbered steps runs each executable fence as a step. */
    readonly stepMode: "numbered" | "fences";
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
    /** Runbooks larger than this are not parsed: an error finding instead (parsing rule 13). */
    readonly maxFileBytes: number;
    readonly cacheDir: string;
    /** Working directory for steps; default: the runbook's directory. */
    readonly workingDirectory: string | undefined;
    /** Environment variable names passed to steps even though they look secret. */
    readonly passEnv: readonly string[];
    /** `auto`: PID namespaces where the host allows them; `process-group`: never. */
    readonly containment: ContainmentSetting;
    /** File holding the audit log's HMAC key; preferred over `RUNBOOK_EXEC_AUDIT_KEY`. */
    readonly auditKeyFile: string | undefined;
    /** Where the config file was found, if any (for messages and `run_start`). */
    readonly configFile: string | undefined;
    /** What the configuration search skipped or ignored, for `run` to show and `validate` to report. */
    readonly notices: readonly ConfigNotice[];
}
/**
 * A configuration file the search passed over (`unsafe_file`: another user's, or writable by
 * others), or settings an untrusted file may not make (`untrusted_settings`, invariant 11).
 */
export interface ConfigNotice {
    readonly kind: "unsafe_file" | "untrusted_settings";
    readonly file: string;
    /** Why the file was skipped, or the ignored settings as the file wrote them. */
    readonly detail: string;
    /** `untrusted_settings`: each ignored setting, where the file sets it; empty otherwise. */
    readonly settings: readonly IgnoredSettingAt[];
}
/** A setting an untrusted file may not make, as written there, with its 1-based line. */
export interface IgnoredSettingAt {
    readonly key: string;
    /** `auto_approve_level = "destructive"`: what the file said. */
    readonly shown: string;
    readonly line: number;
}
export declare const DEFAULT_CONFIG: Config;
