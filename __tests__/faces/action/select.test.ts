import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangedFile } from "../../../src/adapters/github/ports.js";
import { readInputs, type InputName } from "../../../src/faces/action/inputs.js";
import type { ChangedFilesSource, PullRequest } from "../../../src/adapters/github/ports.js";
import { selectRunbooks } from "../../../src/faces/action/select.js";
import { WORKSPACE_FIXTURE } from "./dist-harness.js";

const pr: PullRequest = {
  owner: "acme",
  repo: "ops",
  number: 7,
  baseSha: "a".repeat(40),
  headSha: "b".repeat(40),
  changedFiles: 3,
};

const API_FILES: ChangedFile[] = [
  { path: "runbooks/disk-full.md", status: "modified" },
  { path: "src/app.ts", status: "modified" },
  { path: "runbooks/old.md", status: "removed" },
];
const GIT_FILES: ChangedFile[] = [...API_FILES, { path: "runbooks/broken.md", status: "added" }];

function source(api: ChangedFile[] | Error, git: ChangedFile[] | Error): ChangedFilesSource {
  const answer = async (value: ChangedFile[] | Error): Promise<ChangedFile[]> => {
    if (value instanceof Error) throw value;
    return value;
  };
  return { fromApi: () => answer(api), fromGit: () => answer(git) };
}

function inputs(values: Partial<Record<InputName, string>> = {}) {
  return readInputs((name) => values[name] ?? "");
}

function context(changedFiles: ChangedFilesSource, pullRequest: PullRequest | undefined) {
  const logged: string[] = [];
  return {
    logged,
    context: {
      workspace: WORKSPACE_FIXTURE,
      pullRequest,
      changedFiles,
      io: { info: (message: string) => logged.push(message) },
    },
  };
}

const rel = (files: readonly string[]): string[] =>
  files.map((file) => path.relative(WORKSPACE_FIXTURE, file));

describe("selectRunbooks in a pull request", () => {
  it("validates the changed runbooks from the API and lists the deleted ones", async () => {
    const { context: ctx, logged } = context(source(API_FILES, new Error("unused")), pr);
    const selection = await selectRunbooks(inputs(), ctx);
    expect(rel(selection.files)).toEqual(["runbooks/disk-full.md"]);
    expect(selection.deleted).toEqual(["runbooks/old.md"]);
    expect(selection.scope).toBe("Runbooks changed in pull request #7: 1 of 3 changed files.");
    expect(logged).toEqual([]);
  });

  it("falls back to git diff when the API fails", async () => {
    const { context: ctx, logged } = context(source(new Error("HTTP 403"), GIT_FILES), pr);
    const selection = await selectRunbooks(inputs(), ctx);
    expect(rel(selection.files)).toEqual(["runbooks/broken.md", "runbooks/disk-full.md"]);
    expect(logged[0]).toMatch(/through the API \(HTTP 403\); trying git diff/);
  });

  it("asks git when the API listed fewer files than the pull request has", async () => {
    const { context: ctx, logged } = context(source(API_FILES, GIT_FILES), {
      ...pr,
      changedFiles: 4,
    });
    const selection = await selectRunbooks(inputs(), ctx);
    expect(rel(selection.files)).toEqual(["runbooks/broken.md", "runbooks/disk-full.md"]);
    expect(logged[0]).toBe("The API listed 3 of 4 changed files; trying git diff for all of them.");
  });

  it("keeps the API's partial list when git fails as well", async () => {
    const { context: ctx } = context(source(API_FILES, new Error("shallow")), {
      ...pr,
      changedFiles: 4,
    });
    expect(rel((await selectRunbooks(inputs(), ctx)).files)).toEqual(["runbooks/disk-full.md"]);
  });

  it("fails with both reasons and the fix when neither source answers", async () => {
    const { context: ctx } = context(
      source(new Error("HTTP 403."), new Error("no merge base.")),
      pr,
    );
    await expect(selectRunbooks(inputs(), ctx)).rejects.toThrow(
      /Cannot list the files of pull request #7\. API: HTTP 403\. git: no merge base\. Fix: give the job `pull-requests: read`/,
    );
  });
});

describe("selectRunbooks with a missing checkout", () => {
  it("reports a changed runbook that is not in the workspace, with the fix", async () => {
    const files: ChangedFile[] = [
      { path: "runbooks/disk-full.md", status: "modified" },
      { path: "runbooks/only-in-the-pr.md", status: "added" },
    ];
    const { context: ctx } = context(source(files, []), { ...pr, changedFiles: 2 });
    const selection = await selectRunbooks(inputs(), ctx);
    expect(rel(selection.files)).toEqual(["runbooks/disk-full.md"]);
    expect(selection.problems.map((p) => [p.code, p.file, p.message])).toEqual([
      [
        "INPUT_NOT_FOUND",
        "runbooks/only-in-the-pr.md",
        "changed in pull request #7 but not in the workspace; fix: check out the pull request with actions/checkout before this step",
      ],
    ]);
  });
});

describe("selectRunbooks elsewhere", () => {
  it("validates every file matching `paths` outside a pull request", async () => {
    const { context: ctx } = context(source([], []), undefined);
    const selection = await selectRunbooks(inputs(), ctx);
    expect(rel(selection.files)).toEqual([
      "runbooks/broken.md",
      "runbooks/disk-full.md",
      "runbooks/hostile.md",
      "runbooks/latin1.md",
      "runbooks/many-errors.md",
      "docs/runbooks/read-only.md",
    ]);
    expect(selection.problems).toEqual([]);
  });

  it("takes the `runbooks` input over the pull request, and reports names that match nothing", async () => {
    const { context: ctx } = context(source(new Error("unused"), new Error("unused")), pr);
    const selection = await selectRunbooks(
      inputs({ runbooks: "notes/not-a-runbook.md\nrunbooks/missing.md" }),
      ctx,
    );
    expect(rel(selection.files)).toEqual(["notes/not-a-runbook.md"]);
    expect(selection.problems.map((p) => [p.code, p.file])).toEqual([
      ["INPUT_NOT_FOUND", "runbooks/missing.md"],
    ]);
  });

  it("words the fix for a glob that matched nothing for the action, not for a shell", async () => {
    const { context: ctx } = context(source(new Error("unused"), new Error("unused")), pr);
    const selection = await selectRunbooks(inputs({ runbooks: "nowhere/**/*.md" }), ctx);
    const [problem] = selection.problems;
    expect(problem?.message).toContain("the `runbooks` input");
    expect(problem?.message).not.toMatch(/shell|quote/);
  });
});
