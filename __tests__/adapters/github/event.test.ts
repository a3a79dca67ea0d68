import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPullRequest } from "../../../src/adapters/github/event.js";

const events = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../fixtures/action/events",
);

describe("readPullRequest", () => {
  it("reads the pull request from a pull_request payload", async () => {
    const pr = await readPullRequest({
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: path.join(events, "pull_request.json"),
    });
    expect(pr).toEqual({
      owner: "acme",
      repo: "ops",
      number: 7,
      baseSha: "1111111111111111111111111111111111111111",
      headSha: "2222222222222222222222222222222222222222",
      changedFiles: 250,
    });
  });

  it("is undefined outside a pull request, without reading the payload", async () => {
    expect(
      await readPullRequest({ GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: "/nonexistent" }),
    ).toBeUndefined();
    expect(await readPullRequest({})).toBeUndefined();
  });

  it("names the payload file and the bad field when the payload is not a pull request", async () => {
    await expect(
      readPullRequest({
        GITHUB_EVENT_NAME: "pull_request_target",
        GITHUB_EVENT_PATH: path.join(events, "push.json"),
      }),
    ).rejects.toMatchObject({
      code: "INPUT_UNREADABLE",
      file: path.join(events, "push.json"),
      message: expect.stringMatching(/not a pull request event at `pull_request`/) as unknown,
    });
  });

  it("reports a payload that is not JSON or missing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rbx-event-"));
    const broken = path.join(dir, "event.json");
    writeFileSync(broken, "{ not json");
    const env = { GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: broken };
    await expect(readPullRequest(env)).rejects.toThrow("The event payload is not JSON.");
    await expect(
      readPullRequest({ ...env, GITHUB_EVENT_PATH: path.join(dir, "missing.json") }),
    ).rejects.toThrow("Cannot read the event payload.");
    await expect(readPullRequest({ GITHUB_EVENT_NAME: "pull_request" })).rejects.toThrow(
      /GITHUB_EVENT_PATH is not set/,
    );
  });
});

describe("readPullRequest trust boundary", () => {
  it("refuses a base or head that is not a commit SHA (it becomes a git argument)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rbx-event-"));
    const file = path.join(dir, "event.json");
    writeFileSync(
      file,
      JSON.stringify({
        pull_request: {
          number: 1,
          base: { sha: "--output=/tmp/x" },
          head: { sha: "a".repeat(40) },
        },
        repository: { name: "r", owner: { login: "o" } },
      }),
    );
    await expect(
      readPullRequest({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: file }),
    ).rejects.toThrow("at `pull_request.base.sha`: expected a commit SHA");
  });
});
