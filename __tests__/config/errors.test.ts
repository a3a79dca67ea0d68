import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { RunbookExecError } from "../../src/core/errors.js";

const invalid = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "config",
  "invalid",
);
const RULES = [
  { id: "RB001", alias: "fence-at-margin" },
  { id: "RB002", alias: "no-language" },
  { id: "RB009", alias: "unknown-attribute" },
];

async function failure(name: string): Promise<RunbookExecError> {
  const error = await loadConfig({
    cwd: invalid,
    env: {},
    configPath: name,
    knownRules: RULES,
  }).catch((e: unknown) => e);
  if (!(error instanceof RunbookExecError))
    throw new Error(`expected a RunbookExecError for ${name}, got ${String(error)}`);
  return error;
}

describe("invalid configuration files", () => {
  it.each([
    [
      "unknown-key.toml",
      2,
      "unknown configuration key `timeout_secs`; did you mean `timeout_seconds`?",
    ],
    [
      "unknown-table.toml",
      3,
      "unknown configuration key `notifications`; remove it; known keys: llm_model, slack_channel,",
    ],
    [
      "negative-timeout.toml",
      2,
      "`timeout_seconds` must be a positive whole number of seconds, got `-5`; fix: e.g. `timeout_seconds = 300`",
    ],
    [
      "string-timeout.toml",
      1,
      '`timeout_seconds` must be a positive whole number of seconds, got `"300"`',
    ],
    [
      "bad-level.toml",
      2,
      '`auto_approve_level` must be one of "read_only", "modifying", "destructive", got `"everything"`',
    ],
    [
      "bad-boolean.toml",
      1,
      '`dry_run` must be true or false, got `"yes"`; fix: e.g. `dry_run = true`',
    ],
    [
      "bad-severity.toml",
      3,
      '`rules.RB002` must be one of "error", "warning", "info", "off", got `"fatal"`',
    ],
    ["unknown-rule.toml", 3, "unknown rule `RB099` in `[rules]`; did you mean `RB009`?"],
    [
      "misspelt-alias.toml",
      2,
      "unknown rule `fence-at-margn` in `[rules]`; did you mean `fence-at-margin`?",
    ],
    [
      "rule-twice.toml",
      3,
      "rule `RB001` is set twice in `[rules]` (by id and by alias); fix: keep one entry",
    ],
    ["bad-pass-env.toml", 2, "`pass_env[1]` must be an environment variable name"],
    [
      "empty-interpreter.toml",
      2,
      '`interpreters.sql` must be a non-empty program and arguments, with `{script}` (if any) as the last word, got `""`',
    ],
    [
      "placeholder-not-last.toml",
      2,
      "`interpreters.mysql` must be a non-empty program and arguments, with `{script}` (if any) as the last word",
    ],
    ["too-concurrent.toml", 1, "`llm_concurrency` must be a whole number from 1 to 64, got `1000`"],
    [
      "table-expected.toml",
      1,
      '`interpreters` must be a table of language = "program and arguments", got `"psql"`',
    ],
    ["crlf-bom.toml", 2, "`strict` must be true or false, got `1`; fix: e.g. `strict = true`"],
    ["two-problems.toml", 2, '`dry_run` must be true or false, got `"yes"`'],
    [
      "secret-key.toml",
      2,
      "`ANTHROPIC_API_KEY` is a secret: secrets are never read from the config file; fix: remove it and set `ANTHROPIC_API_KEY` in the environment",
    ],
    [
      "secret-in-table.toml",
      5,
      "`anthropic.api_key` is a secret: secrets are never read from the config file; fix: remove it and set `ANTHROPIC_API_KEY` in the environment",
    ],
    [
      "secret-other.toml",
      1,
      "`db_password` is a secret: secrets are never read from the config file; fix: remove it and set it in the environment",
    ],
    [
      "syntax.toml",
      2,
      "invalid TOML at column 19: invalid value; fix: see https://toml.io for the syntax",
    ],
  ])("%s: line %i", async (name, line, message) => {
    const error = await failure(name);
    expect(error.code).toBe("CONFIG_INVALID");
    expect(error.file).toBe(path.join(invalid, name));
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
    expect(error.describe()).toMatch(
      new RegExp(`^${path.join(invalid, name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}: `),
    );
  });

  it("never echoes a secret pasted into the file", async () => {
    for (const name of ["secret-key.toml", "secret-in-table.toml", "secret-other.toml"]) {
      const error = await failure(name);
      expect(error.describe()).not.toMatch(/sk-ant|hunter2/);
      expect(error.message).not.toContain("unknown");
    }
  });

  it("rejects a file that is not UTF-8 without a position", async () => {
    const error = await failure("latin1.toml");
    expect(error.message).toBe("configuration file is not valid UTF-8; fix: save it as UTF-8");
    expect(error.file).toBe(path.join(invalid, "latin1.toml"));
  });
});
