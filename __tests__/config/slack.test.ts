import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function load(toml: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "runbook-exec-slack-config-"));
  dirs.push(dir);
  const file = path.join(dir, ".runbook-exec.toml");
  writeFileSync(file, toml);
  // An explicit --config is the operator's own: the Slack keys that decide where the token goes
  // and who approves are ignored in an untrusted file found by the search (trust.test.ts).
  return loadConfig({ cwd: dir, env, configPath: file, knownRules: [] });
}

async function problem(toml: string, env: Record<string, string> = {}): Promise<string> {
  const error: unknown = await load(toml, env).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("expected a configuration error");
  return error.message;
}

describe("Slack configuration keys", () => {
  it("defaults: self-approval prevented, Slack's public API, notify decided by whether Slack is set", async () => {
    const config = await load("");
    expect(config).toMatchObject({
      slackChannel: undefined,
      slackApprovers: [],
      slackApproverGroups: [],
      slackMinApprovals: {},
      slackPreventSelfApproval: true,
      slackRequester: undefined,
      slackApiUrl: "https://slack.com/api/",
      slackNotify: undefined,
      slackNotifyOutput: false,
    });
    expect(DEFAULT_CONFIG.slackPreventSelfApproval).toBe(true);
  });

  it.each([["not a channel!!"], ["ops-approvals"], ["#Ops"], ["<!channel>"], ["C"]])(
    "slack_channel %j is rejected with what a channel looks like",
    async (channel) => {
      const message = await problem(`slack_channel = ${JSON.stringify(channel)}\n`);
      expect(message).toContain("`slack_channel` must be a Slack channel ID");
      expect(message).toContain('fix: e.g. `slack_channel = "#ops-approvals"`');
    },
  );

  it.each([["#ops-approvals"], ["C0123ABCD"], ["G01PRIVATE"]])(
    "slack_channel %j is accepted",
    async (channel) => {
      expect((await load(`slack_channel = "${channel}"\n`)).slackChannel).toBe(channel);
    },
  );

  it("approvers are user IDs, never display names; groups are S… IDs", async () => {
    expect(await problem('slack_approvers = ["@alice"]\n')).toContain(
      "`slack_approvers[0]` must be a Slack user ID",
    );
    expect(await problem('slack_approver_groups = ["U0ALICE01"]\n')).toContain("user-group ID");
  });

  it("slack_min_approvals is a table per risk level, 1 to 20", async () => {
    const config = await load("[slack_min_approvals]\nmodifying = 1\ndestructive = 2\n");
    expect(config.slackMinApprovals).toEqual({ modifying: 1, destructive: 2 });
    expect(await problem("[slack_min_approvals]\ndestructive = 0\n")).toContain("1 to 20");
    expect(await problem("[slack_min_approvals]\ndangerous = 2\n")).toContain("dangerous");
  });

  it("reads the Slack keys from the environment; SLACK_API_URL too, with RUNBOOK_EXEC_SLACK_API_URL winning", async () => {
    const config = await load("", {
      RUNBOOK_EXEC_SLACK_CHANNEL: "#ops",
      RUNBOOK_EXEC_SLACK_APPROVERS: "U0ALICE01,U0BOB0001",
      RUNBOOK_EXEC_SLACK_APPROVER_GROUPS: "S0ONCALL1",
      RUNBOOK_EXEC_SLACK_PREVENT_SELF_APPROVAL: "false",
      RUNBOOK_EXEC_SLACK_REQUESTER: "U0CAROL01",
      RUNBOOK_EXEC_SLACK_NOTIFY: "no",
      RUNBOOK_EXEC_SLACK_NOTIFY_OUTPUT: "yes",
      RUNBOOK_EXEC_SLACK_POLL_INTERVAL_SECONDS: "0.5",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    expect(config).toMatchObject({
      slackChannel: "#ops",
      slackApprovers: ["U0ALICE01", "U0BOB0001"],
      slackApproverGroups: ["S0ONCALL1"],
      slackPreventSelfApproval: false,
      slackRequester: "U0CAROL01",
      slackApiUrl: "http://127.0.0.1:9/api/",
      slackNotify: false,
      slackNotifyOutput: true,
      slackPollIntervalSeconds: 0.5,
    });
    const both = await load("", {
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      RUNBOOK_EXEC_SLACK_API_URL: "https://slack-gov.com/api/",
    });
    expect(both.slackApiUrl).toBe("https://slack-gov.com/api/");
  });

  it("a bad SLACK_API_URL is named as the variable the user set", async () => {
    expect(await problem("", { SLACK_API_URL: "ftp://x" })).toContain(
      "`SLACK_API_URL` must be an https URL",
    );
  });

  it.each([["http://slack.example.com/api/"], ["http://127.0.0.1.evil.example/api/"]])(
    "slack_api_url %j is refused: the bot token would cross a network in clear text",
    async (url) => {
      expect(await problem(`slack_api_url = "${url}"\n`)).toContain("plain http only to 127.0.0.1");
    },
  );

  it.each([
    ["https://slack-gov.com/api/"],
    ["http://127.0.0.1:8080/api/"],
    ["http://localhost/api/"],
  ])("slack_api_url %j is accepted", async (url) => {
    expect((await load(`slack_api_url = "${url}"\n`)).slackApiUrl).toBe(url);
  });
});
