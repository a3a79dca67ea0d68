import path from "node:path";
import { DefaultArtifactClient, GHESNotSupportedError } from "@actions/artifact";

/** Where the audit log went: an artifact of this run, or why it did not. */
export type ArtifactUpload =
  | { readonly kind: "uploaded"; readonly id: number; readonly url: string }
  | { readonly kind: "unsupported"; readonly message: string };

/** The run whose artifact page to link to, from the runner's `GITHUB_*` variables. */
export interface ArtifactRun {
  readonly serverUrl: string;
  readonly repository: string;
  readonly runId: string;
}

/** The variable `@actions/artifact` reads its credential from, at the time of each call. */
const RUNTIME_TOKEN_ENV = "ACTIONS_RUNTIME_TOKEN";

/**
 * Runs `work` with `ACTIONS_RUNTIME_TOKEN` in `process.env` and takes it out again afterwards,
 * whatever happens. The action removes the token at start-up (a step could read it); a value
 * set now lives in the heap, not in the environment block `/proc/<pid>/environ` shows, and no
 * step runs during an upload.
 */
async function withRuntimeToken<T>(token: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env[RUNTIME_TOKEN_ENV];
  if (token !== undefined) process.env[RUNTIME_TOKEN_ENV] = token;
  try {
    return await work();
  } finally {
    if (before === undefined) Reflect.deleteProperty(process.env, RUNTIME_TOKEN_ENV);
    else process.env[RUNTIME_TOKEN_ENV] = before;
  }
}

/**
 * Uploads one file as the artifact `name` of this workflow run (`@actions/artifact`, which needs
 * `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL`). `runtimeToken` is the token the runner
 * gave the action, held in memory since start-up. On GHES, where the library refuses, answers
 * `unsupported`; any other failure is thrown.
 */
export async function uploadFileArtifact(
  name: string,
  file: string,
  run: ArtifactRun,
  runtimeToken: string | undefined,
): Promise<ArtifactUpload> {
  try {
    const { id } = await withRuntimeToken(runtimeToken, () =>
      new DefaultArtifactClient().uploadArtifact(name, [file], path.dirname(file)),
    );
    if (id === undefined) throw new Error("the artifact service returned no artifact id");
    const url = `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}`;
    return { kind: "uploaded", id, url };
  } catch (error) {
    if (error instanceof GHESNotSupportedError) {
      return {
        kind: "unsupported",
        message:
          "GitHub Enterprise Server does not support this artifact service: add an " +
          "`actions/upload-artifact` step with `path: ${{ steps.<id>.outputs.audit-log }}`.",
      };
    }
    throw error;
  }
}
