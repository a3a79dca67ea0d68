// The action's entry (bundled to dist/index.js): wire the runner adapters to runAction.
import { createRiskModelFromEnv } from "../../adapters/anthropic/factory.js";
import { createActionIO } from "../../adapters/github/action-io.js";
import { createChangedFilesSource } from "../../adapters/github/changed-files.js";
import { readPullRequest } from "../../adapters/github/event.js";
import { VERSION } from "../../core/version.js";
import { gitBaseFile } from "../../adapters/github/base-file.js";
import { runAction } from "./run.js";

const io = createActionIO();
const workspace = process.env["GITHUB_WORKSPACE"] ?? process.cwd();

try {
  await runAction({
    io,
    env: process.env,
    workspace,
    readPullRequest: () => readPullRequest(process.env),
    changedFiles: (inputs) =>
      createChangedFilesSource({
        token: inputs.githubToken,
        baseUrl: process.env["GITHUB_API_URL"] ?? "https://api.github.com",
        cwd: workspace,
      }),
    riskModel: createRiskModelFromEnv,
    toolVersion: VERSION,
    readBaseFile: gitBaseFile(workspace),
  });
} catch (error) {
  // A bug, not bad input: one line for the log, no stack trace in the annotation.
  io.fail(
    `runbook-exec failed unexpectedly: ${error instanceof Error ? error.message : String(error)}. ` +
      "Please report this at https://github.com/runbook-exec/runbook-exec/issues.",
  );
}
