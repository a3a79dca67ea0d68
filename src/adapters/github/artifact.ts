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

/**
 * Uploads one file as the artifact `name` of this workflow run (`@actions/artifact`, which needs
 * `ACTIONS_RUNTIME_TOKEN` and `ACTIONS_RESULTS_URL`). On GHES, where the library refuses,
 * answers `unsupported`; any other failure is thrown.
 */
export async function uploadFileArtifact(
  name: string,
  file: string,
  run: ArtifactRun,
): Promise<ArtifactUpload> {
  try {
    const { id } = await new DefaultArtifactClient().uploadArtifact(
      name,
      [file],
      path.dirname(file),
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
