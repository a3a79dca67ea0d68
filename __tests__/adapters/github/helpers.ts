import { afterEach } from "vitest";
import { createGitHubRest, type GitHubRest } from "../../../src/adapters/github/rest.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";

/** The real REST client pointed at a fake, with short budgets and no write pacing. */
export function testRest(baseUrl: string, token = "ghs_test"): GitHubRest {
  return createGitHubRest({
    token,
    baseUrl,
    requestTimeoutMs: 2000,
    defaultBudgetMs: 5000,
    backoffMs: { initial: 20, max: 80 },
    writeIntervalMs: 0,
  });
}

/** Alice, a person who comments in the tests. */
export const ALICE = { login: "alice", id: 501 };

/**
 * A fake GitHub for `acme/ops` with issue 7 open (and the given teams), closed after each test
 * of the file that calls this at its top level; returns a function that starts it.
 */
export function fakeIssuesGitHub(
  teams: Readonly<Record<string, readonly string[]>> = {},
): () => Promise<FakeGitHub> {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return async () => {
    fake = await startFakeGitHub({
      owner: "acme",
      repo: "ops",
      pulls: {},
      token: "ghs_test",
      issues: { issues: { 7: "Incident 7" }, teams },
    });
    return fake;
  };
}
