import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { uploadFileArtifact } from "../../../src/adapters/github/artifact.js";
import { startFakeArtifacts, type FakeArtifacts } from "../../helpers/fake-artifacts.js";

const RUN = { serverUrl: "https://github.com", repository: "acme/ops", runId: "77" };
const saved = { ...process.env };
let fake: FakeArtifacts | undefined;

afterEach(async () => {
  process.env = { ...saved };
  await fake?.close();
  fake = undefined;
});

function logFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "rbx-artifact-")), "run.ndjson");
  writeFileSync(file, '{"seq":1}\n');
  return file;
}

describe("uploadFileArtifact: the runtime token is given, not left in process.env", () => {
  it("uploads with the token it is handed and leaves no ACTIONS_RUNTIME_TOKEN behind", async () => {
    fake = await startFakeArtifacts();
    process.env["ACTIONS_RESULTS_URL"] = fake.url;
    Reflect.deleteProperty(process.env, "ACTIONS_RUNTIME_TOKEN");
    const upload = await uploadFileArtifact("audit", logFile(), RUN, fake.runtimeToken);
    expect(upload).toMatchObject({ kind: "uploaded", id: 9000 });
    expect(fake.artifacts.map((artifact) => artifact.name)).toEqual(["audit"]);
    expect(process.env["ACTIONS_RUNTIME_TOKEN"]).toBeUndefined();
  });

  it("takes the token out again when the upload fails", async () => {
    fake = await startFakeArtifacts();
    process.env["ACTIONS_RESULTS_URL"] = "http://127.0.0.1:9";
    Reflect.deleteProperty(process.env, "ACTIONS_RUNTIME_TOKEN");
    await expect(uploadFileArtifact("audit", logFile(), RUN, fake.runtimeToken)).rejects.toThrow();
    expect(process.env["ACTIONS_RUNTIME_TOKEN"]).toBeUndefined();
  });
});
