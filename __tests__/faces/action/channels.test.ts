import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/types.js";
import { RunbookExecError } from "../../../src/core/errors.js";
import type { GitHubIssuesApi } from "../../../src/gate/github-api.js";
import { FirstAnswerProvider } from "../../../src/gate/first-answer.js";
import type { SlackApi } from "../../../src/gate/slack-api.js";
import { composeApprovalChannels } from "../../../src/faces/action/channels.js";
import { inputValue, type InputName } from "../../../src/faces/action/inputs.js";
import { readRunInputs } from "../../../src/faces/action/run-inputs.js";

/** The run inputs as the action reads them, with action.yml's defaults. */
function runInputs(inputs: Partial<Record<InputName, string>>) {
  return readRunInputs(inputValue((name) => inputs[name] ?? ""));
}

/** What `composeApprovalChannels` needs; the ports record which clients were made. */
function settings(inputs: Partial<Record<InputName, string>>) {
  const made: string[] = [];
  return {
    made,
    value: {
      run: runInputs({ runbook: "runbooks/x.md", ...inputs }),
      environment: {
        environment: "ops",
        level: "destructive" as const,
        reviewers: [],
        planStepHashes: undefined,
      },
      config: DEFAULT_CONFIG,
      env: { GITHUB_RUN_ID: "5", GITHUB_ACTOR: "carol" },
      runbook: { title: "X", path: "runbooks/x.md" },
      stepCount: 2,
      host: "runner-1",
      redact: (text: string) => text,
      ports: {
        issuesApi: () => {
          made.push("github");
          return {} as GitHubIssuesApi;
        },
        slackApi: (token: string, apiUrl: string) => {
          made.push(`slack ${token} ${apiUrl}`);
          return {} as SlackApi;
        },
      },
      announce: () => undefined,
    },
  };
}

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RunbookExecError && error.code === "USAGE") return error.message;
    throw error;
  }
  throw new Error("expected a USAGE error");
}

describe("the action's approval channels", () => {
  it("asks every listed channel at once, in the order given", () => {
    const { value, made } = settings({
      approval: "environment, github, slack",
      "slack-channel": "C0APPROVE",
      "slack-bot-token": "xoxb-1",
      "slack-approvers": "UALICE01 S0ONCALL",
    });
    const { approvals, banner } = composeApprovalChannels(value.run.approval, value);
    expect(banner).toBe(
      "Approval channels: environment (none) up to destructive; GitHub comments in an issue opened for this run; Slack C0APPROVE.",
    );
    expect(approvals).toBeInstanceOf(FirstAnswerProvider);
    expect((approvals as FirstAnswerProvider).channels).toEqual([
      "github_environment",
      "github_comment",
      "slack",
    ]);
    expect(made).toEqual(["github", `slack xoxb-1 ${DEFAULT_CONFIG.slackApiUrl}`]);
  });

  it("one channel is asked directly", () => {
    const { value } = settings({ approval: "github" });
    expect(composeApprovalChannels(value.run.approval, value).approvals.channel).toBe(
      "github_comment",
    );
  });

  it("names the input a channel is missing or cannot read", () => {
    const slack = settings({ approval: "slack", "slack-channel": "#ops" }).value;
    expect(usageError(() => composeApprovalChannels(slack.run.approval, slack))).toContain(
      "`slack-channel` and `slack-bot-token`",
    );
    const ids = settings({
      approval: "slack",
      "slack-channel": "#ops",
      "slack-bot-token": "xoxb-1",
      "slack-approvers": "UALICE01 @alice",
    }).value;
    expect(usageError(() => composeApprovalChannels(ids.run.approval, ids))).toContain(
      "`@alice` is not a Slack user ID",
    );
    const github = settings({ approval: "github", approvers: "acme/sre, bad/team/x" }).value;
    expect(usageError(() => composeApprovalChannels(github.run.approval, github))).toContain(
      "`bad/team/x` is neither a GitHub login nor `org/team-slug`",
    );
  });
});
