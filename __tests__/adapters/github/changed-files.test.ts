import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { PullRequest } from "../../../src/adapters/github/ports.js";
import {
  createChangedFilesSource,
  parseNameStatus,
} from "../../../src/adapters/github/changed-files.js";
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from "../../helpers/fake-github.js";

const pr: PullRequest = {
  owner: "acme",
  repo: "ops",
  number: 7,
  baseSha: "",
  headSha: "",
  changedFiles: undefined,
};

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function manyFiles(count: number): FakePullFile[] {
  return Array.from({ length: count }, (_, i) => ({
    filename: `runbooks/r${String(i).padStart(3, "0")}.md`,
    status: "modified",
  }));
}

describe("fromApi (Octokit against a fake GitHub)", () => {
  it("follows pagination across pages of 100 and sends the token", async () => {
    const files: FakePullFile[] = [
      ...manyFiles(248),
      { filename: "runbooks/gone.md", status: "removed" },
      { filename: "runbooks/new.md", status: "renamed", previous_filename: "runbooks/old.md" },
    ];
    fake = await startFakeGitHub({
      owner: "acme",
      repo: "ops",
      token: "ghs_x",
      pulls: { 7: files },
    });
    const source = createChangedFilesSource({ token: "ghs_x", baseUrl: fake.url, cwd: "." });
    const changed = await source.fromApi(pr);
    expect(changed).toHaveLength(250);
    expect(changed[0]).toEqual({ path: "runbooks/r000.md", status: "modified" });
    expect(changed.slice(-2)).toEqual([
      { path: "runbooks/gone.md", status: "removed" },
      { path: "runbooks/new.md", status: "renamed", previousPath: "runbooks/old.md" },
    ]);
    expect(fake.requests.map((r) => r.url)).toEqual([
      "/repos/acme/ops/pulls/7/files?per_page=100",
      "/repositories/4242/pulls/7/files?per_page=100&page=2",
      "/repositories/4242/pulls/7/files?per_page=100&page=3",
    ]);
    expect(new Set(fake.requests.map((r) => r.authorization))).toEqual(new Set(["token ghs_x"]));
  });

  it("rejects when the API refuses, and without a token", async () => {
    fake = await startFakeGitHub({
      owner: "acme",
      repo: "ops",
      token: "ghs_x",
      pulls: { 7: [] },
      failWith: { status: 403, message: "Resource not accessible by integration" },
    });
    const source = createChangedFilesSource({ token: "ghs_x", baseUrl: fake.url, cwd: "." });
    await expect(source.fromApi(pr)).rejects.toThrow(/Resource not accessible by integration/);
    const noToken = createChangedFilesSource({ token: undefined, baseUrl: fake.url, cwd: "." });
    await expect(noToken.fromApi(pr)).rejects.toThrow("No `github-token`");
  });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

describe("fromGit (real git in a temporary repository)", () => {
  it("lists added, modified, deleted and renamed files between base and head", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rbx-git-"));
    try {
      git(dir, "init", "-q", "-b", "main");
      mkdirSync(path.join(dir, "runbooks"));
      writeFileSync(path.join(dir, "runbooks/keep.md"), "1. one\n");
      writeFileSync(path.join(dir, "runbooks/gone.md"), "1. gone\n");
      writeFileSync(path.join(dir, "runbooks/old name.md"), "1. a long enough body to rename\n");
      git(dir, "add", ".");
      git(dir, "commit", "-q", "-m", "base");
      const baseSha = git(dir, "rev-parse", "HEAD");
      writeFileSync(path.join(dir, "runbooks/keep.md"), "1. one\n2. two\n");
      writeFileSync(path.join(dir, "runbooks/added.md"), "1. new\n");
      git(dir, "rm", "-q", "runbooks/gone.md");
      git(dir, "mv", "runbooks/old name.md", "runbooks/new\tname.md");
      git(dir, "add", ".");
      git(dir, "commit", "-q", "-m", "head");
      const headSha = git(dir, "rev-parse", "HEAD");
      const source = createChangedFilesSource({ token: undefined, baseUrl: "", cwd: dir });
      const files = await source.fromGit({ ...pr, baseSha, headSha });
      expect(files).toEqual([
        { path: "runbooks/added.md", status: "added" },
        { path: "runbooks/gone.md", status: "removed" },
        { path: "runbooks/keep.md", status: "modified" },
        { path: "runbooks/new\tname.md", status: "renamed", previousPath: "runbooks/old name.md" },
      ]);
      await expect(source.fromGit({ ...pr, baseSha: "0".repeat(40), headSha })).rejects.toThrow(
        /failed: .*Check out with `fetch-depth: 0`/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("parseNameStatus", () => {
  it("reads NUL-separated records, renames with both paths", () => {
    expect(parseNameStatus("M\0a.md\0R087\0b.md\0c.md\0T\0d.md\0")).toEqual([
      { status: "modified", path: "a.md" },
      { status: "renamed", previousPath: "b.md", path: "c.md" },
      { status: "changed", path: "d.md" },
    ]);
    expect(parseNameStatus("")).toEqual([]);
  });
});
