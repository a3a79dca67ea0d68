import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shownRunbookPath } from "../../src/app/shown-path.js";

/** A temporary tree: `outside/`, `work/` (the root) and `repo/` (a git checkout, `.git` a file as in a worktree). */
function tree() {
  const base = mkdtempSync(path.join(tmpdir(), "rbx-shown-"));
  for (const dir of ["work/runbooks", "repo/docs/runbooks", "outside"])
    mkdirSync(path.join(base, dir), { recursive: true });
  writeFileSync(path.join(base, "repo", ".git"), "gitdir: /elsewhere\n");
  return { base, root: path.join(base, "work") };
}

describe("shownRunbookPath: what people are shown, never the host's layout", () => {
  it("inside the root: relative to it, with / separators, however the file was named", () => {
    const { root } = tree();
    expect(shownRunbookPath("runbooks/disk.md", root)).toBe("runbooks/disk.md");
    expect(shownRunbookPath(path.join(root, "runbooks", "disk.md"), root)).toBe("runbooks/disk.md");
    expect(shownRunbookPath("./runbooks/../runbooks/disk.md", `${root}/`)).toBe("runbooks/disk.md");
  });

  it("outside the root, in a repository: relative to the repository's root", () => {
    const { base, root } = tree();
    const file = path.join(base, "repo", "docs", "runbooks", "db.md");
    expect(shownRunbookPath(file, root)).toBe("docs/runbooks/db.md");
    expect(shownRunbookPath("../repo/docs/runbooks/db.md", root)).toBe("docs/runbooks/db.md");
  });

  it("outside the root and any repository: the file name only", () => {
    const { base, root } = tree();
    const shown = shownRunbookPath(path.join(base, "outside", "x.md"), root);
    expect(shown).toBe("x.md");
    expect(shownRunbookPath("../outside/x.md", root)).toBe("x.md");
  });

  it("never contains the absolute path of the root or of the file", () => {
    const { base, root } = tree();
    for (const file of ["runbooks/a.md", "../repo/b.md", "../outside/c.md", "/etc/d.md"]) {
      const shown = shownRunbookPath(file, root);
      expect(path.isAbsolute(shown), shown).toBe(false);
      expect(shown).not.toContain(base);
      expect(shown.startsWith("..")).toBe(false);
    }
  });
});
