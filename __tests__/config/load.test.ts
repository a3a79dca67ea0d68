import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { RunbookExecError } from "../../src/core/errors.js";

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "config",
);
const RULES = [
  { id: "RB001", alias: "fence-at-margin" },
  { id: "RB002", alias: "no-language" },
  { id: "RB009", alias: "unknown-attribute" },
];
/** A directory with no `.runbook-exec.toml` in it or above it. */
const empty = mkdtempSync(path.join(tmpdir(), "runbook-exec-config-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe("loadConfig", () => {
  it("returns the defaults, with absolute paths, when there is no file, env or flag", async () => {
    const config = await loadConfig({ cwd: empty, env: {}, knownRules: RULES });
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      auditLogDir: path.join(empty, "runbook-exec-logs"),
      cacheDir: path.join(empty, ".runbook-exec-cache"),
    });
  });

  it("reads every key of an explicit file, resolving paths against the file's directory and rule aliases to ids", async () => {
    const dir = path.join(fixtures, "full");
    const config = await loadConfig({
      cwd: dir,
      env: {},
      configPath: ".runbook-exec.toml",
      knownRules: RULES,
    });
    expect(config).toEqual({
      llmModel: "claude-opus-4-1",
      slackChannel: "#ops-approvals",
      slackApprovers: ["U0ALICE01", "W0BOB0001"],
      slackApproverGroups: ["S0ONCALL1"],
      slackMinApprovals: { destructive: 2 },
      slackPreventSelfApproval: false,
      slackRequester: "U0CAROL01",
      slackApiUrl: "https://slack-gov.com/api/",
      slackNotify: false,
      slackNotifyOutput: true,
      slackPollIntervalSeconds: 5,
      timeoutSeconds: 120,
      approvalTimeoutSeconds: 600,
      autoApproveLevel: "modifying",
      mcpMaxApprovalLevel: "read_only",
      auditLogDir: path.join(dir, "logs", "audit"),
      inlineCodeCommands: true,
      stepMode: "fences",
      defaultShell: "zsh",
      interpreters: { sql: "psql -X -v ON_ERROR_STOP=1 -f -" },
      rules: { RB001: "warning", RB002: "off" },
      dryRun: true,
      noLlm: true,
      noLlmContext: true,
      strict: true,
      llmTimeoutSeconds: 45,
      llmClassifyBudgetSeconds: 25,
      llmDecisionBudgetSeconds: 12,
      llmConcurrency: 8,
      maxFileBytes: 1048576,
      cacheDir: path.join(fixtures, "cache"),
      workingDirectory: path.join(dir, "work"),
      passEnv: ["KUBECONFIG", "VAULT_ADDR"],
      containment: "process-group",
      auditKeyFile: path.join(dir, "keys", "audit.key"),
      configFile: path.join(dir, ".runbook-exec.toml"),
      notices: [],
    });
  });

  it("finds the file in the nearest parent directory and resolves its paths there", async () => {
    const project = path.join(fixtures, "project");
    const config = await loadConfig({
      cwd: path.join(project, "docs", "runbooks"),
      env: {},
      knownRules: RULES,
    });
    expect(config.configFile).toBe(path.join(project, ".runbook-exec.toml"));
    expect(config.auditLogDir).toBe(path.join(project, "audit"));
    expect(config.timeoutSeconds).toBe(60);
  });

  it("uses an explicit --config path over the search, relative to cwd", async () => {
    const config = await loadConfig({
      cwd: fixtures,
      env: {},
      configPath: "full/.runbook-exec.toml",
      knownRules: RULES,
    });
    expect(config.llmModel).toBe("claude-opus-4-1");
  });

  it("uses RUNBOOK_EXEC_CONFIG when no --config is given", async () => {
    const env = { RUNBOOK_EXEC_CONFIG: path.join(fixtures, "full", ".runbook-exec.toml") };
    const config = await loadConfig({ cwd: empty, env, knownRules: RULES });
    expect(config.defaultShell).toBe("zsh");
  });

  it("reports a missing --config file by path", async () => {
    const error = await loadConfig({
      cwd: empty,
      env: {},
      configPath: "nope.toml",
      knownRules: RULES,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunbookExecError);
    expect((error as RunbookExecError).code).toBe("CONFIG_INVALID");
    expect((error as RunbookExecError).describe()).toBe(
      `${path.join(empty, "nope.toml")}: configuration file not found; fix: check the --config path or RUNBOOK_EXEC_CONFIG`,
    );
  });

  describe("precedence: flags > environment > file > defaults", () => {
    const cwd = path.join(fixtures, "project");

    it("keeps dry_run and no_llm_context from the file when no flag or variable sets them", async () => {
      // The CLI passes only flags the user typed; absent booleans must not reset the file's `true`.
      const config = await loadConfig({
        cwd,
        env: {},
        overrides: { noLlm: true },
        knownRules: RULES,
      });
      expect(config.dryRun).toBe(true);
      expect(config.noLlmContext).toBe(true);
      expect(config.noLlm).toBe(true);
    });

    it("lets the environment override the file", async () => {
      const env = {
        RUNBOOK_EXEC_DRY_RUN: "0",
        RUNBOOK_EXEC_TIMEOUT_SECONDS: "90",
        RUNBOOK_EXEC_AUDIT_LOG_DIR: "env-logs",
      };
      const config = await loadConfig({ cwd, env, knownRules: RULES });
      expect(config.dryRun).toBe(false);
      expect(config.timeoutSeconds).toBe(90);
      expect(config.auditLogDir).toBe(path.join(cwd, "env-logs"));
      expect(config.noLlmContext).toBe(true);
    });

    it("lets flags override the environment and the file", async () => {
      const env = { RUNBOOK_EXEC_TIMEOUT_SECONDS: "90", RUNBOOK_EXEC_LLM_MODEL: "from-env" };
      const overrides = { timeoutSeconds: 10, dryRun: false, auditLogDir: "flag-logs" };
      const config = await loadConfig({ cwd, env, overrides, knownRules: RULES });
      expect(config.timeoutSeconds).toBe(10);
      expect(config.dryRun).toBe(false);
      expect(config.llmModel).toBe("from-env");
      expect(config.auditLogDir).toBe(path.join(cwd, "flag-logs"));
    });

    it("reads every scalar key from RUNBOOK_EXEC_* variables", async () => {
      const env = {
        RUNBOOK_EXEC_LLM_MODEL: "m",
        RUNBOOK_EXEC_SLACK_CHANNEL: "C123",
        RUNBOOK_EXEC_APPROVAL_TIMEOUT_SECONDS: "5",
        RUNBOOK_EXEC_AUTO_APPROVE_LEVEL: "destructive",
        RUNBOOK_EXEC_INLINE_CODE_COMMANDS: "true",
        RUNBOOK_EXEC_DEFAULT_SHELL: "sh",
        RUNBOOK_EXEC_NO_LLM: "1",
        RUNBOOK_EXEC_NO_LLM_CONTEXT: "yes",
        RUNBOOK_EXEC_STRICT: "on",
        RUNBOOK_EXEC_LLM_TIMEOUT_SECONDS: "7",
        RUNBOOK_EXEC_LLM_CONCURRENCY: "2",
        RUNBOOK_EXEC_CACHE_DIR: "c",
        RUNBOOK_EXEC_WORKING_DIRECTORY: "/srv",
        RUNBOOK_EXEC_PASS_ENV: "A, B_2,",
        RUNBOOK_EXEC_TIMEOUT_SECONDS: "",
      };
      const config = await loadConfig({ cwd: empty, env, knownRules: RULES });
      expect(config).toMatchObject({
        llmModel: "m",
        slackChannel: "C123",
        approvalTimeoutSeconds: 5,
        autoApproveLevel: "destructive",
        inlineCodeCommands: true,
        defaultShell: "sh",
        noLlm: true,
        noLlmContext: true,
        strict: true,
        llmTimeoutSeconds: 7,
        llmConcurrency: 2,
        cacheDir: path.join(empty, "c"),
        workingDirectory: "/srv",
        passEnv: ["A", "B_2"],
        timeoutSeconds: DEFAULT_CONFIG.timeoutSeconds,
      });
    });
  });

  describe("environment variable names", () => {
    it.each([
      [
        "RUNBOOK_EXEC_DRYRUN",
        "`RUNBOOK_EXEC_DRYRUN` is not a runbook-exec variable; did you mean `RUNBOOK_EXEC_DRY_RUN`?",
      ],
      [
        "RUNBOOK_EXEC_NO_LMM",
        "`RUNBOOK_EXEC_NO_LMM` is not a runbook-exec variable; did you mean `RUNBOOK_EXEC_NO_LLM`?",
      ],
      [
        "RUNBOOK_EXEC_RULES",
        "`RUNBOOK_EXEC_RULES`: `rules` can only be set in .runbook-exec.toml; fix: move it there and unset the variable",
      ],
    ])("rejects %s", async (name, message) => {
      const error = await loadConfig({ cwd: empty, env: { [name]: "1" }, knownRules: RULES }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RunbookExecError);
      expect((error as RunbookExecError).message).toBe(message);
    });

    it("ignores the tool's other variables and unrelated ones", async () => {
      const env = {
        RUNBOOK_EXEC_DEBUG: "1",
        RUNBOOK_EXEC_AUDIT_KEY: "k",
        RUNBOOK_EXEC_SOMETHING_NEW: "x",
        PATH: "/bin",
      };
      await expect(loadConfig({ cwd: empty, env, knownRules: RULES })).resolves.toMatchObject({
        dryRun: false,
      });
    });
  });

  describe("environment errors name the variable and what it expects", () => {
    it.each([
      [
        "RUNBOOK_EXEC_TIMEOUT_SECONDS",
        "soon",
        '`RUNBOOK_EXEC_TIMEOUT_SECONDS` must be a positive whole number of seconds, got `"soon"`',
      ],
      [
        "RUNBOOK_EXEC_NO_LLM",
        "maybe",
        '`RUNBOOK_EXEC_NO_LLM` must be true or false, got `"maybe"`',
      ],
      [
        "RUNBOOK_EXEC_AUTO_APPROVE_LEVEL",
        "all",
        '`RUNBOOK_EXEC_AUTO_APPROVE_LEVEL` must be one of "read_only", "modifying", "destructive", got `"all"`',
      ],
      [
        "RUNBOOK_EXEC_PASS_ENV",
        "OK,not-a-name",
        "`RUNBOOK_EXEC_PASS_ENV` must be an environment variable name",
      ],
    ])("%s=%s", async (name, value, message) => {
      const error = await loadConfig({
        cwd: empty,
        env: { [name]: value },
        knownRules: RULES,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RunbookExecError);
      expect((error as RunbookExecError).code).toBe("CONFIG_INVALID");
      expect((error as RunbookExecError).message).toContain(message);
    });
  });
});
