import { describe, expect, it } from "vitest";
import { parseChatOpsEvent } from "../../../src/adapters/github/chatops-events.js";

const repository = { name: "ops", owner: { login: "acme" }, default_branch: "main" };

function dispatch(clientPayload: unknown, action = "runbook-run"): string {
  return JSON.stringify({
    action,
    client_payload: clientPayload,
    repository,
    sender: { login: "bot" },
  });
}

describe("ChatOps event payloads", () => {
  it("reads an issue comment, on an issue or a pull request", () => {
    const event = {
      action: "created",
      comment: {
        id: 5,
        body: "/runbook help",
        user: { login: "alice", type: "User" },
        html_url: "u",
      },
      issue: { number: 7, html_url: "i", pull_request: { url: "p" } },
      repository,
    };
    expect(parseChatOpsEvent("issue_comment", JSON.stringify(event), "e.json")).toMatchObject({
      kind: "comment",
      commentId: 5,
      author: "alice",
      issueNumber: 7,
      onPullRequest: true,
      repository: { owner: "acme", repo: "ops", defaultBranch: "main" },
    });
    const { pull_request: _pr, ...issue } = event.issue;
    expect(
      parseChatOpsEvent("issue_comment", JSON.stringify({ ...event, issue }), "e.json"),
    ).toMatchObject({ onPullRequest: false });
  });

  it("reads a runbook-run dispatch with its defaults", () => {
    expect(
      parseChatOpsEvent("repository_dispatch", dispatch({ runbook: "runbooks/a.md" }), "e"),
    ).toEqual({
      kind: "dispatch",
      runbook: "runbooks/a.md",
      incidentId: undefined,
      dryRun: false,
      vars: {},
      issueNumber: undefined,
      sender: "bot",
      repository: { owner: "acme", repo: "ops", defaultBranch: "main" },
    });
  });

  it("rejects a malformed client_payload naming every bad field and the expected shape", () => {
    const cases: [unknown, RegExp][] = [
      [{ runbook: 5 }, /`client_payload\.runbook`: .*string/],
      [{ runbook: "a.md", dryrun: true }, /`client_payload`: .*dryrun/],
      [{ runbook: "a.md", dry_run: "yes" }, /`client_payload\.dry_run`: .*boolean/],
      [{ runbook: "a.md", vars: { A: 1 } }, /`client_payload\.vars\.A`/],
      [{ runbook: "a.md", issue_number: -1 }, /`client_payload\.issue_number`/],
      [null, /`client_payload`/],
      ["runbooks/a.md", /`client_payload`/],
    ];
    for (const [payload, why] of cases) {
      expect(
        () => parseChatOpsEvent("repository_dispatch", dispatch(payload), "e"),
        JSON.stringify(payload),
      ).toThrow(why);
      expect(() => parseChatOpsEvent("repository_dispatch", dispatch(payload), "e")).toThrow(
        /Expected `\{ runbook: string/,
      );
    }
  });

  it("refuses other event types, other events, and payloads that are not JSON", () => {
    expect(() =>
      parseChatOpsEvent("repository_dispatch", dispatch({ runbook: "a.md" }, "deploy"), "e"),
    ).toThrow(/only `runbook-run`/);
    expect(() => parseChatOpsEvent("push", "{}", "e")).toThrow(
      /issue_comment.*repository_dispatch/,
    );
    expect(() => parseChatOpsEvent("issue_comment", "{", "e")).toThrow(/not JSON/);
    expect(() => parseChatOpsEvent("issue_comment", "{}", "e")).toThrow(
      /not an issue_comment event/,
    );
  });
});
