import type { BaseFileReader } from "./base-config.js";
import type { Env } from "../../core/io.js";
import type { Config } from "../../config/types.js";
import type { RiskModel } from "../../risk/model.js";
import type { ChangedFilesSource, PullRequest } from "../../adapters/github/ports.js";
import type { ActionInputs } from "./inputs.js";
import type { ArtifactUpload } from "../../adapters/github/artifact.js";
import type { RunApproval } from "../../adapters/github/payloads.js";
import type { DecisionModel } from "../../llm/types.js";
import type { ExecuteStep, SignalSource } from "../../run/ports.js";
import type { GitHubIssuesApi } from "../../gate/github-api.js";
import type { SlackApi } from "../../gate/slack-api.js";
import type { RunnerIO } from "../../adapters/github/ports.js";
import type { InputName, OutputName } from "./inputs.js";
import type { ChatOpsPorts } from "./chatops/ports.js";

/** The runner as the action sees it: {@link RunnerIO} with the names `action.yml` declares. */
export interface ActionIO extends RunnerIO {
  /** Raw input value, `""` when unset. */
  getInput(name: InputName): string;
  setOutput(name: OutputName, value: string): void;
}

/** Everything the action touches outside its own logic. */
export interface ActionDeps {
  readonly io: ActionIO;
  readonly env: Env;
  /** `GITHUB_WORKSPACE`: base of every relative path. */
  readonly workspace: string;
  readonly readPullRequest: () => Promise<PullRequest | undefined>;
  readonly changedFiles: (inputs: ActionInputs) => ChangedFilesSource;
  readonly riskModel: (
    env: Env,
    config: Config,
    notice: (message: string) => void,
  ) => RiskModel | undefined;
  readonly toolVersion: string;
  /** On pull requests the configuration is read from the base commit through this. */
  readonly readBaseFile: BaseFileReader;
  /** What `command: run` needs besides the above. */
  readonly run: RunPorts;
  /** What `command: chatops` needs besides `run`. */
  readonly chatops: ChatOpsPorts;
}

/** What `command: run` needs from the outside world besides {@link ActionDeps}. */
export interface RunPorts {
  /** The reviews of this workflow run's deployments. */
  readonly runApprovals: (runId: number) => Promise<readonly RunApproval[]>;
  readonly uploadArtifact: (name: string, file: string) => Promise<ArtifactUpload>;
  readonly decisions: (env: Env, config: Config) => DecisionModel | undefined;
  readonly execute: ExecuteStep;
  readonly signals: SignalSource;
  /** The repository's issues, comments and permissions, for `approval: github`. */
  readonly issuesApi: () => GitHubIssuesApi;
  /** A Slack Web API client with this bot token and API root, for `approval: slack`. */
  readonly slackApi: (token: string, apiUrl: string) => SlackApi;
}
