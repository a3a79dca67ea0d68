// The action's `post:` step (dist/post.js): when the main step saved an audit log but could not
// upload it (crash, kill, cancel), upload it now.
import { createActionIO } from "../../adapters/github/action-io.js";
import { withdrawToolSecrets } from "../../adapters/process/secret-environment.js";
import { uploadFileArtifact } from "../../adapters/github/artifact.js";
import { artifactRun } from "./post-upload.js";
import { STATE } from "./state.js";

/** Uploads the audit log the main step saved and did not upload; does nothing otherwise. */
export async function post(): Promise<void> {
  // As in the main step: a detached step still running could read this process's environment.
  const env = withdrawToolSecrets();
  const io = createActionIO(env);
  const log = io.getState(STATE.auditLog);
  if (log === "" || io.getState(STATE.uploaded) === "true") return;
  try {
    const upload = await uploadFileArtifact(
      io.getState(STATE.artifactName),
      log,
      artifactRun(env),
      env["ACTIONS_RUNTIME_TOKEN"],
    );
    io.info(
      upload.kind === "uploaded"
        ? `Audit log ${log} uploaded by the post step: ${upload.url}`
        : upload.message,
    );
  } catch (error) {
    io.annotate({
      kind: "warning",
      title: "Audit log not uploaded",
      message: `The post step could not upload ${log}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
