import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  confineRunbookPath,
  pathProblem,
  resolveRunbookDirs,
  type RunbookDirs,
} from "../../../../src/faces/action/chatops/confine.js";

let root = "";
let dirs: RunbookDirs;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "rbx-confine-"));
  const ws = path.join(root, "repo");
  mkdirSync(path.join(ws, "runbooks", "db"), { recursive: true });
  mkdirSync(path.join(ws, "docs", "runbooks"), { recursive: true });
  mkdirSync(path.join(ws, "notes"), { recursive: true });
  writeFileSync(path.join(ws, "runbooks", "disk.md"), "# Disk\n");
  writeFileSync(path.join(ws, "runbooks", "db", "restore.md"), "# Restore\n");
  writeFileSync(path.join(ws, "docs", "runbooks", "dns.md"), "# DNS\n");
  writeFileSync(path.join(ws, "notes", "private.md"), "# Private\n");
  writeFileSync(path.join(root, "outside.md"), "# Outside\n");
  symlinkSync(path.join(root, "outside.md"), path.join(ws, "runbooks", "escape.md"));
  symlinkSync("../notes/private.md", path.join(ws, "runbooks", "notes.md"));
  symlinkSync("disk.md", path.join(ws, "runbooks", "alias.md"));
  symlinkSync(path.join(root), path.join(ws, "runbooks", "up"));
  mkdirSync(path.join(ws, "runbooks", "dir.md"));
  dirs = await resolveRunbookDirs(ws, ["runbooks/", "docs/runbooks/"]);
});

describe("ChatOps runbook paths stay inside runbook-dirs", () => {
  it("accepts files inside the directories, through links that stay inside", async () => {
    for (const [asked, relative] of [
      ["runbooks/disk.md", "runbooks/disk.md"],
      ["runbooks/db/restore.md", "runbooks/db/restore.md"],
      ["docs/runbooks/dns.md", "docs/runbooks/dns.md"],
      ["runbooks/db/../disk.md", "runbooks/disk.md"],
      ["runbooks/alias.md", "runbooks/disk.md"],
    ] as const) {
      const confined = await confineRunbookPath(asked, dirs);
      expect(confined, asked).toMatchObject({ kind: "inside", relative });
    }
  });

  it("refuses `..`, absolute paths, links out, other folders, and what is not a Markdown file", async () => {
    const cases: [string, RegExp][] = [
      ["../outside.md", /out of the repository/],
      ["runbooks/../../outside.md", /out of the repository/],
      ["runbooks/../notes/private.md", /not inside a runbook directory/],
      ["/etc/passwd.md", /absolute/],
      [path.join(root, "outside.md"), /absolute/],
      ["~/x.md", /absolute/],
      ["C:/x.md", /absolute/],
      ["runbooks/escape.md", /symbolic link/],
      ["runbooks/notes.md", /symbolic link/],
      ["runbooks/up/outside.md", /symbolic link/],
      ["notes/private.md", /not inside a runbook directory/],
      ["runbooks/missing.md", /no such file/],
      ["runbooks/dir.md", /not a regular file/],
      ["runbooks/disk.sh", /Markdown/],
      ["runbooks\\..\\..\\outside.md", /only letters/],
      ["runbooks/a b.md", /only letters/],
      ["runbooks/\u202edm.md", /only letters/],
    ];
    for (const [asked, why] of cases) {
      const confined = await confineRunbookPath(asked, dirs);
      expect(confined.kind, asked).toBe("refused");
      if (confined.kind === "refused") {
        expect(confined.reason).toMatch(why);
        expect(confined.reason).toContain("`runbooks/`, `docs/runbooks/`");
      }
    }
  });

  it("property: whatever the text, an accepted path is a real file inside a runbook directory", async () => {
    const segment = fc.constantFrom(
      "..",
      ".",
      "runbooks",
      "docs",
      "db",
      "notes",
      "up",
      "escape.md",
      "disk.md",
      "private.md",
      "outside.md",
      "restore.md",
      "alias.md",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), async (parts) => {
        const confined = await confineRunbookPath(parts.join("/"), dirs);
        if (confined.kind === "inside") {
          expect(dirs.real.some((dir) => confined.file.startsWith(dir + path.sep))).toBe(true);
          expect(confined.relative).toMatch(/^(runbooks|docs\/runbooks)\/[^.]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("pathProblem is pure and refuses before the file system is asked", () => {
    expect(pathProblem("runbooks/a.md")).toBeUndefined();
    expect(pathProblem("/a.md")).toMatch(/absolute/);
    expect(pathProblem("runbooks/a.md\u0000")).toMatch(/only letters/);
  });

  it("refuses a runbook-dirs entry outside the workspace", async () => {
    await expect(resolveRunbookDirs(path.join(root, "repo"), [".."])).rejects.toThrow(
      /outside the workspace/,
    );
  });
});
