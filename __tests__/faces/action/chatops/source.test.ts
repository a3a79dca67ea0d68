import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Checkout } from "../../../../src/adapters/github/checkout.js";
import {
  resolveRunbookDirs,
  type RunbookDirs,
} from "../../../../src/faces/action/chatops/confine.js";
import { runbookSource } from "../../../../src/faces/action/chatops/source.js";

const MAIN = "a".repeat(40);
const PR_HEAD = "b".repeat(40);
let dirs: RunbookDirs;

beforeAll(async () => {
  const workspace = path.join(mkdtempSync(path.join(tmpdir(), "rbx-source-")), "repo");
  mkdirSync(path.join(workspace, "runbooks"), { recursive: true });
  writeFileSync(path.join(workspace, "runbooks", "a.md"), "# A\n");
  dirs = await resolveRunbookDirs(workspace, ["runbooks/"]);
});

function checkout(head: string | undefined, unchanged = true): Checkout {
  return { headCommit: async () => head, unchangedAtHead: async () => unchanged };
}

function env(ref: string, sha = MAIN): Record<string, string> {
  return { GITHUB_REF: ref, GITHUB_SHA: sha };
}

describe("ChatOps runbooks come from the default branch at the checked-out commit", () => {
  it("accepts the default branch's file and names the commit", async () => {
    const source = await runbookSource("runbooks/a.md", {
      dirs,
      defaultBranch: "main",
      env: env("refs/heads/main"),
      checkout: checkout(MAIN),
    });
    expect(source).toEqual({ kind: "ok", relative: "runbooks/a.md", commit: MAIN });
  });

  it("refuses another ref, a pull request's head, an edited file, a missing GITHUB_SHA", async () => {
    const cases: [Record<string, string>, Checkout, RegExp][] = [
      [env("refs/pull/7/merge"), checkout(MAIN), /not the default branch/],
      [env("refs/heads/feature"), checkout(MAIN), /not the default branch/],
      [env("refs/heads/main"), checkout(PR_HEAD), /never a pull request's head/],
      [env("refs/heads/main"), checkout(undefined), /not a git checkout/],
      [env("refs/heads/main"), checkout(MAIN, false), /differs from commit/],
      [{ GITHUB_REF: "refs/heads/main" }, checkout(MAIN), /not the default branch/],
    ];
    for (const [runnerEnv, git, why] of cases) {
      const source = await runbookSource("runbooks/a.md", {
        dirs,
        defaultBranch: "main",
        env: runnerEnv,
        checkout: git,
      });
      expect(source.kind).toBe("refused");
      if (source.kind === "refused") expect(source.reason).toMatch(why);
    }
  });

  it("confines the path before asking git anything", async () => {
    const source = await runbookSource("../etc/x.md", {
      dirs,
      defaultBranch: "main",
      env: env("refs/heads/main"),
      checkout: {
        headCommit: () => Promise.reject(new Error("git asked")),
        unchangedAtHead: () => Promise.reject(new Error("git asked")),
      },
    });
    expect(source).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/out of the repository/),
    });
  });
});
