import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { discoverRunbooks } from "../../src/app/discover.js";

const tree = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "discover",
  "tree",
);
const inTree = (...parts: string[]): string => path.join(tree, ...parts);

describe("discoverRunbooks", () => {
  it("walks a directory recursively for *.md and *.markdown, skipping node_modules and hidden folders", async () => {
    const { files, problems } = await discoverRunbooks(["."], { cwd: tree });
    expect(problems).toEqual([]);
    expect(files).toEqual([
      inTree("Upper.MD"),
      inTree("a.md"),
      inTree("b.markdown"),
      inTree("sub", "c.md"),
      inTree("sub", "deeper", "d.md"),
    ]);
  });

  it("takes a named file as given, whatever its extension or folder", async () => {
    const { files } = await discoverRunbooks(["notes.txt", ".hidden/h.md"], { cwd: tree });
    expect(files).toEqual([inTree("notes.txt"), inTree(".hidden", "h.md")]);
  });

  it("walks a hidden directory the user names, but not hidden folders below it", async () => {
    const { files } = await discoverRunbooks([".hidden"], { cwd: tree });
    expect(files).toEqual([inTree(".hidden", "h.md")]);
  });

  it("expands globs, sorted, without hidden folders or node_modules", async () => {
    const { files, problems } = await discoverRunbooks(["**/*.md"], { cwd: tree });
    expect(problems).toEqual([]);
    expect(files).toEqual([inTree("a.md"), inTree("sub", "c.md"), inTree("sub", "deeper", "d.md")]);
  });

  it("keeps input order and drops duplicates", async () => {
    const { files } = await discoverRunbooks(
      ["sub/c.md", "sub", "a.md", "./a.md", inTree("a.md")],
      { cwd: tree },
    );
    expect(files).toEqual([inTree("sub", "c.md"), inTree("sub", "deeper", "d.md"), inTree("a.md")]);
  });

  it("reports each input that matches nothing, and still returns the rest", async () => {
    const { files, problems } = await discoverRunbooks(
      ["missing.md", "a.md", "nope/**/*.md", "empty-dir"],
      { cwd: tree },
    );
    expect(files).toEqual([inTree("a.md")]);
    expect(problems.map((p) => [p.code, p.describe()])).toEqual([
      [
        "INPUT_NOT_FOUND",
        "missing.md: no such file or directory; fix: check the path (relative paths start at the working directory)",
      ],
      ["INPUT_NOT_FOUND", "nope/**/*.md: glob matched no files; fix: check the pattern"],
      [
        "INPUT_NOT_FOUND",
        "empty-dir: directory has no runbooks (*.md, *.markdown; node_modules and hidden directories are skipped)",
      ],
    ]);
  });

  it("finds a thousand runbooks, and does not loop on a symlinked directory", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "runbook-exec-discover-"));
    for (let d = 0; d < 10; d += 1) {
      mkdirSync(path.join(root, `team-${d}`));
      for (let f = 0; f < 100; f += 1)
        writeFileSync(path.join(root, `team-${d}`, `rb-${f}.md`), "1. Step\n");
    }
    symlinkSync(root, path.join(root, "team-0", "loop"), "dir");
    const { files, problems } = await discoverRunbooks([root], { cwd: tmpdir() });
    expect(problems).toEqual([]);
    expect(files).toHaveLength(1000);
    expect(new Set(files).size).toBe(1000);
    rmSync(root, { recursive: true, force: true });
  });
});
