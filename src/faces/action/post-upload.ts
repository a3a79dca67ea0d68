import type { Env } from "../../core/io.js";
import type { ArtifactRun } from "../../adapters/github/artifact.js";

/** The run whose artifact page the summary links to. */
export function artifactRun(env: Env): ArtifactRun {
  return {
    serverUrl: env["GITHUB_SERVER_URL"] ?? "https://github.com",
    repository: env["GITHUB_REPOSITORY"] ?? "",
    runId: env["GITHUB_RUN_ID"] ?? "",
  };
}
