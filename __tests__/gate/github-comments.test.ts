import { describe, expect, it } from "vitest";
import type { IssueComment } from "../../src/gate/github-api.js";
import {
  parseApprover,
  parseCommentCommand,
  screenComment,
  type CommentRequestContext,
} from "../../src/gate/github-comments.js";

describe("parseCommentCommand", () => {
  it("reads `/approve N` and `/deny N` on the first non-empty line, whatever follows", () => {
    expect(parseCommentCommand("/approve 3")).toEqual({ kind: "approve", step: 3 });
    expect(parseCommentCommand("\n  /DENY 12  \nnot now")).toEqual({ kind: "deny", step: 12 });
    expect(parseCommentCommand("\r\n/approve\t7\r\n")).toEqual({ kind: "approve", step: 7 });
  });

  it("treats everything else as conversation", () => {
    for (const body of [
      "I would /approve 3",
      "> /approve 3",
      "`/approve 3`",
      "/approve",
      "/approve 0",
      "/approve 03",
      "/approve 3 please",
      "/approve three",
      "/approve -3",
      "/approved 3",
      "hello\n/approve 3",
      "/approve 1234567",
      "",
    ])
      expect(parseCommentCommand(body), body).toBeUndefined();
  });
});

const REQUEST: CommentRequestContext = {
  step: 3,
  risk: "destructive",
  requestCommentId: 100,
  requestCreatedAt: "2026-12-07T04:00:00Z",
  ownLogin: "github-actions[bot]",
};
const SELF = { preventSelfApproval: true, actors: ["Carol", "dave"] };

function comment(overrides: Partial<IssueComment> = {}): IssueComment {
  return {
    id: 101,
    body: "/approve 3",
    user: { login: "alice", id: 5, type: "User" },
    createdAt: "2026-12-07T04:00:05Z",
    updatedAt: "2026-12-07T04:00:05Z",
    htmlUrl: "https://github.com/acme/ops/issues/7#issuecomment-101",
    ...overrides,
  };
}

describe("screenComment", () => {
  it("makes a new, unedited command by a person for this step a candidate", () => {
    expect(screenComment(comment(), REQUEST, SELF)).toEqual({
      kind: "candidate",
      command: { kind: "approve", step: 3 },
      login: "alice",
    });
  });

  it("skips what is not an answer: older comments, its own, conversation", () => {
    expect(screenComment(comment({ id: 100 }), REQUEST, SELF).kind).toBe("skip");
    expect(screenComment(comment({ createdAt: "2026-12-07T03:59:59Z" }), REQUEST, SELF).kind).toBe(
      "skip",
    );
    const own = { login: "GitHub-Actions[bot]", id: 41898282, type: "Bot" };
    expect(screenComment(comment({ user: own }), REQUEST, SELF).kind).toBe("skip");
    expect(screenComment(comment({ body: "looks fine" }), REQUEST, SELF).kind).toBe("skip");
  });

  it("ignores bots, deleted users, edits and other steps, with the reason", () => {
    const reason = (c: IssueComment) => {
      const screen = screenComment(c, REQUEST, SELF);
      return screen.kind === "ignore" ? screen.reason : screen.kind;
    };
    expect(reason(comment({ user: { login: "renovate[bot]", id: 2, type: "Bot" } }))).toBe("bot");
    expect(reason(comment({ user: { login: "sneaky[bot]", id: 2, type: "User" } }))).toBe("bot");
    expect(reason(comment({ user: { login: "acme", id: 2, type: "Organization" } }))).toBe("bot");
    expect(reason(comment({ user: undefined }))).toBe("bot");
    expect(reason(comment({ updatedAt: "2026-12-07T04:00:06Z" }))).toBe("edited");
    expect(reason(comment({ body: "/approve 4" }))).toBe("other_step");
  });

  it("never lets the run's actors approve a destructive step, in any letter case", () => {
    const carol = comment({ user: { login: "carol", id: 9, type: "User" } });
    expect(screenComment(carol, REQUEST, SELF)).toMatchObject({
      kind: "ignore",
      reason: "self_approval",
    });
    // A denial only stops the step; a modifying step or the rule turned off lets them approve.
    expect(screenComment({ ...carol, body: "/deny 3" }, REQUEST, SELF).kind).toBe("candidate");
    expect(screenComment(carol, { ...REQUEST, risk: "modifying" }, SELF).kind).toBe("candidate");
    expect(
      screenComment(carol, REQUEST, { preventSelfApproval: false, actors: ["carol"] }).kind,
    ).toBe("candidate");
  });
});

describe("parseApprover", () => {
  it("reads logins and org/team slugs, and refuses anything else", () => {
    expect(parseApprover("alice")).toEqual({ kind: "user", login: "alice" });
    expect(parseApprover("@Bob-2")).toEqual({ kind: "user", login: "Bob-2" });
    expect(parseApprover("acme/sre-oncall")).toEqual({
      kind: "team",
      org: "acme",
      slug: "sre-oncall",
    });
    for (const bad of ["-alice", "al--ice", "a/b/c", "acme/", "/sre", "al ice", "x".repeat(40)])
      expect(parseApprover(bad), bad).toBeUndefined();
  });
});
