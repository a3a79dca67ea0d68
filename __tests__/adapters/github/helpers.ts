import { createGitHubRest, type GitHubRest } from "../../../src/adapters/github/rest.js";

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
