// The action's main step (`runs.main`, dist/index.js): wire the runner adapters to runAction.
import {
  createDecisionModelFromEnv,
  createRiskModelFromEnv,
} from "../../adapters/anthropic/factory.js";
import { createActionIO } from "../../adapters/github/action-io.js";
import { withdrawToolSecrets } from "../../adapters/process/secret-environment.js";
import { uploadFileArtifact } from "../../adapters/github/artifact.js";
import { createChangedFilesSource } from "../../adapters/github/changed-files.js";
import { readPullRequest } from "../../adapters/github/event.js";
import { fetchRunApprovals } from "../../adapters/github/run-approvals.js";
import { createGitHubIssuesApi } from "../../adapters/github/issues-api.js";
import { createGitHubRest, type GitHubRest } from "../../adapters/github/rest.js";
import { readChatOpsEvent } from "../../adapters/github/chatops-events.js";
import { gitCheckout } from "../../adapters/github/checkout.js";
import { fetchCollaboratorRole } from "../../adapters/github/collaborator-permission.js";
import { workflowRunActive } from "../../adapters/github/workflow-run.js";
import { createSlackApi } from "../../adapters/slack/client.js";
import { latchedProcessSignals } from "../../adapters/terminal/signals.js";
import { VERSION } from "../../core/version.js";
import { gitBaseFile } from "../../adapters/github/base-file.js";
import { runStep } from "../../execute/run-step.js";
import { readInputs } from "./inputs.js";
import { artifactRun } from "./post-upload.js";
import { runAction } from "./run.js";

/** Runs the action's main step, then ends the process: nothing the run left open keeps the job waiting. */
export async function main(): Promise<void> {
  // First thing: the action's inputs (tokens among them) and the runner's tokens leave the process
  // environment and its /proc/<pid>/environ; from here on they live in `env`, in memory only.
  const env = withdrawToolSecrets();
  const io = createActionIO(env);
  const workspace = env["GITHUB_WORKSPACE"] ?? process.cwd();
  const apiUrl = env["GITHUB_API_URL"] ?? "https://api.github.com";
  const [owner = "", repo = ""] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  const token = (): string => readInputs((name) => io.getInput(name)).githubToken ?? "";
  const rest = (): GitHubRest => createGitHubRest({ token: token(), baseUrl: apiUrl });

  // The runner sends SIGINT, then SIGTERM 7.5 s later, then kills. While a run is going the engine
  // handles them (kill the step's group, write run_end); before and after it, they are held so the
  // process lives long enough to finish the upload and the summary.
  const signals = latchedProcessSignals();

  try {
    await runAction({
      io,
      env,
      workspace,
      readPullRequest: () => readPullRequest(env),
      changedFiles: (inputs) =>
        createChangedFilesSource({ token: inputs.githubToken, baseUrl: apiUrl, cwd: workspace }),
      riskModel: createRiskModelFromEnv,
      toolVersion: VERSION,
      readBaseFile: gitBaseFile(workspace),
      run: {
        runApprovals: (runId) =>
          fetchRunApprovals({ token: token(), baseUrl: apiUrl, owner, repo, runId }),
        uploadArtifact: (name, file) =>
          uploadFileArtifact(name, file, artifactRun(env), env["ACTIONS_RUNTIME_TOKEN"]),
        decisions: (toolEnv, config) =>
          createDecisionModelFromEnv(toolEnv, config, (message) =>
            io.info(`runbook-exec: ${message}`),
          ),
        execute: runStep,
        signals,
        issuesApi: () =>
          createGitHubIssuesApi(createGitHubRest({ token: token(), baseUrl: apiUrl }), {
            owner,
            repo,
          }),
        slackApi: (slackToken, slackApiUrl) =>
          createSlackApi({ token: slackToken, apiUrl: slackApiUrl }),
      },
      chatops: {
        event: () => readChatOpsEvent(env),
        role: (login) => fetchCollaboratorRole(rest(), { owner, repo }, login),
        workflowRunActive: (runId) => workflowRunActive(rest(), { owner, repo }, runId),
        checkout: gitCheckout(workspace),
      },
    });
  } catch (error) {
    // A bug, not bad input: one line for the log, no stack trace in the annotation.
    io.fail(
      `runbook-exec failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. ` +
        "Please report this at https://github.com/runbook-exec/runbook-exec/issues.",
    );
  }
  process.exit();
}
