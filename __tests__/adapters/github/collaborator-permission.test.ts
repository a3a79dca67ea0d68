import { afterEach, describe, expect, it } from "vitest";
import {
  fetchCollaboratorRole,
  roleMeets,
} from "../../../src/adapters/github/collaborator-permission.js";
import { GitHubApiError } from "../../../src/gate/github-api.js";
import type { FakeCollaborator } from "../../helpers/fake-github-issues.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";
import { testRest } from "./helpers.js";

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const REPO = { owner: "acme", repo: "ops" };

async function setup(
  collaborators: Readonly<Record<string, FakeCollaborator>>,
  token = "ghs_test",
) {
  fake = await startFakeGitHub({
    ...REPO,
    pulls: {},
    token: "ghs_test",
    issues: { collaborators },
  });
  const rest = testRest(fake.url, token);
  return { fake, rest };
}

describe("collaborator permission (real Octokit, fake GitHub on 127.0.0.1)", () => {
  it("reads each base role from GitHub's answer", async () => {
    const { rest } = await setup({
      wanda: "write",
      mo: "maintain",
      ada: "admin",
      tri: "triage",
      rita: "read",
    });
    const roles = await Promise.all(
      ["wanda", "mo", "ada", "tri", "rita"].map((login) =>
        fetchCollaboratorRole(rest, REPO, login),
      ),
    );
    expect(roles).toEqual(["write", "maintain", "admin", "triage", "read"]);
    expect(roles.map((role) => roleMeets(role, "write"))).toEqual([true, true, true, false, false]);
  });

  it("is `none` for someone who is not a collaborator (404), and asks GitHub every time", async () => {
    const { fake, rest } = await setup({});
    expect(await fetchCollaboratorRole(rest, REPO, "stranger")).toBe("none");
    expect(await fetchCollaboratorRole(rest, REPO, "stranger")).toBe("none");
    const asked = fake.requests.filter((r) => r.url.endsWith("/collaborators/stranger/permission"));
    expect(asked).toHaveLength(2);
  });

  it("reads a custom role through `user.permissions`, and takes the lower when the fields disagree", async () => {
    const { rest } = await setup({
      custom: {
        permission: "write",
        role_name: "incident-commander",
        permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      },
      disagree: {
        permission: "admin",
        role_name: "admin",
        permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
      },
      legacy: { permission: "write" },
      unknownLegacy: { permission: "superuser" },
      customWithoutFlags: { permission: "read", role_name: "release-captain" },
    });
    const role = (login: string) => fetchCollaboratorRole(rest, REPO, login);
    expect(await role("custom")).toBe("write");
    expect(await role("disagree")).toBe("read");
    expect(await role("legacy")).toBe("write");
    expect(await role("unknownLegacy")).toBe("none");
    expect(await role("customWithoutFlags")).toBe("read");
  });

  it("waits out a secondary rate limit (403 + Retry-After) and a 429, then answers", async () => {
    const { fake, rest } = await setup({ wanda: "write" });
    fake.issues.rateLimitNext({ status: 403, retryAfter: 1 });
    fake.issues.rateLimitNext({ status: 429, resetInSeconds: 1 });
    const started = Date.now();
    expect(await fetchCollaboratorRole(rest, REPO, "wanda")).toBe("write");
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests.filter((r) => r.url.includes("/permission"))).toHaveLength(3);
  });

  it("gives up with the rate limit named when the wait outlasts the deadline", async () => {
    const { rest, fake } = await setup({ wanda: "write" });
    fake.issues.rateLimitNext({ status: 403, resetInSeconds: 3600 });
    const error: unknown = await fetchCollaboratorRole(rest, REPO, "wanda", {
      deadline: Date.now() + 1000,
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).code).toBe("ratelimited");
    expect((error as GitHubApiError).message).toMatch(/rate-limited/);
  });

  it("rejects, naming the fix, when the token is refused (never `none`: the caller decides)", async () => {
    const { rest } = await setup({ wanda: "write" }, "ghs_wrong");
    const error: unknown = await fetchCollaboratorRole(rest, REPO, "wanda").catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(401);
    expect((error as GitHubApiError).message).toMatch(/github-token/);
  });
});
