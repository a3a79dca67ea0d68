import { describe, expect, it } from "vitest";
import { runbookMatcher, selectChangedRunbooks } from "../../../src/faces/action/changed-files.js";
import { type ChangedFile } from "../../../src/adapters/github/ports.js";

const isRunbook = (file: string): boolean => file.startsWith("runbooks/") && file.endsWith(".md");

describe("selectChangedRunbooks", () => {
  it("keeps changed runbooks, lists deleted ones, ignores other files", () => {
    const files: ChangedFile[] = [
      { path: "runbooks/b.md", status: "modified" },
      { path: "runbooks/a.md", status: "added" },
      { path: "src/index.ts", status: "modified" },
      { path: "runbooks/gone.md", status: "removed" },
      { path: "runbooks/same.md", status: "unchanged" },
      { path: "runbooks/new-name.md", status: "renamed", previousPath: "runbooks/old-name.md" },
      { path: "archive/moved.md", status: "renamed", previousPath: "runbooks/moved.md" },
      { path: "runbooks/copy.md", status: "copied", previousPath: "runbooks/a.md" },
    ];
    expect(selectChangedRunbooks(files, isRunbook)).toEqual({
      present: ["runbooks/a.md", "runbooks/b.md", "runbooks/copy.md", "runbooks/new-name.md"],
      deleted: ["runbooks/gone.md", "runbooks/moved.md"],
    });
  });

  it("returns nothing when no runbook changed", () => {
    const files: ChangedFile[] = [{ path: "README.md", status: "modified" }];
    expect(selectChangedRunbooks(files, isRunbook)).toEqual({ present: [], deleted: [] });
  });
});

describe("runbookMatcher", () => {
  const matches = runbookMatcher(["runbooks/**/*.md", "docs/runbooks/**/*.md"]);
  it.each([
    ["runbooks/a.md", true],
    ["runbooks/team/deep/b.md", true],
    ["docs/runbooks/c.md", true],
    ["docs/d.md", false],
    ["runbooks/a.txt", false],
    ["other/runbooks/a.md", false],
    ["runbooks/.hidden/a.md", false],
  ])("%s → %s", (file, expected) => {
    expect(matches(file)).toBe(expected);
  });
});

describe("runbookMatcher with plain paths", () => {
  const matches = runbookMatcher(["ops", "docs/on-call.md", "playbooks/"]);
  it.each([
    ["ops/a.md", true],
    ["ops/deep/b.MARKDOWN", true],
    ["ops/notes.txt", false],
    ["ops/.hidden/a.md", false],
    ["opsx/a.md", false],
    ["docs/on-call.md", true],
    ["docs/other.md", false],
    ["playbooks/p.md", true],
  ])("%s → %s", (file, expected) => {
    expect(matches(file)).toBe(expected);
  });
});
