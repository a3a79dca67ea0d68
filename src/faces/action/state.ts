/** State the `post:` entry reads to upload the log when the main entry could not. */
export const STATE = { auditLog: "audit-log", artifactName: "artifact-name", uploaded: "uploaded" };
