import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_FILES, buildInputs, changedSources, sourcesRecord } from "../../scripts/sources.js";
import { assertComplete, distUnderTest, stalenessWarning } from "../helpers/dist-under-test.js";

/** A project folder with the build files and the given files under src/. */
function project(src: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "rbx-sources-"));
  for (const [file, text] of Object.entries({
    ...Object.fromEntries(BUILD_FILES.map((file) => [file, `${file}\n`])),
    ...Object.fromEntries(Object.entries(src).map(([file, text]) => [`src/${file}`, text])),
  })) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("the record of a build's sources", () => {
  it("lists every file under src/, nested or not, and the build files, sorted", () => {
    const root = project({ "a.ts": "a", "faces/cli/bin.ts": "b", "classify/grammar/x.json": "{}" });
    expect(buildInputs(root)).toEqual([
      "package-lock.json",
      "scripts/bundle.js",
      "scripts/licenses.js",
      "scripts/sources.js",
      "src/a.ts",
      "src/classify/grammar/x.json",
      "src/faces/cli/bin.ts",
      "tsconfig.json",
      "tsconfig.types.json",
    ]);
    rmSync(root, { recursive: true });
  });

  it("is what sha256sum checks: `sha256sum -c` accepts it in the project folder", () => {
    const root = project({ "a.ts": "export const a = 1;\n", "b/c.ts": "c" });
    writeFileSync(path.join(root, "sources.sha256"), sourcesRecord(root));
    const out = execFileSync("sha256sum", ["-c", "sources.sha256"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out.trim().split("\n")).toHaveLength(BUILD_FILES.length + 2);
    expect(out).not.toMatch(/FAILED/);
    rmSync(root, { recursive: true });
  });

  it("finds nothing changed while the files are as recorded", () => {
    const root = project({ "a.ts": "a", "b/c.ts": "c" });
    expect(changedSources(root, sourcesRecord(root))).toEqual([]);
    rmSync(root, { recursive: true });
  });

  it("names files changed, added under src/ and removed since the record, and build files", () => {
    const root = project({ "a.ts": "a", "b/c.ts": "c", "gone.ts": "g" });
    const record = sourcesRecord(root);
    writeFileSync(path.join(root, "src/a.ts"), "a changed");
    writeFileSync(path.join(root, "src/b/new.ts"), "new");
    rmSync(path.join(root, "src/gone.ts"));
    writeFileSync(path.join(root, "package-lock.json"), "{}");
    expect(changedSources(root, record)).toEqual([
      "package-lock.json",
      "src/a.ts",
      "src/b/new.ts",
      "src/gone.ts",
    ]);
    rmSync(root, { recursive: true });
  });

  it("counts every input as changed against a record that is empty or not a record", () => {
    const root = project({ "a.ts": "a" });
    expect(changedSources(root, "")).toEqual(buildInputs(root));
    expect(changedSources(root, "not a record\n")).toEqual(buildInputs(root));
    rmSync(root, { recursive: true });
  });
});

describe("the dist/ the bundle tests run", () => {
  it("is the committed dist/ unless RUNBOOK_EXEC_DIST names another", () => {
    expect(distUnderTest("/repo", undefined)).toEqual({ dir: "/repo/dist", label: "dist/" });
    expect(distUnderTest("/repo", "")).toEqual({ dir: "/repo/dist", label: "dist/" });
    expect(distUnderTest("/repo", "/tmp/d")).toEqual({
      dir: "/tmp/d",
      label: "RUNBOOK_EXEC_DIST=/tmp/d",
    });
  });

  it("must hold every bundle, launcher and WASM file, and the error says how to build it", () => {
    const root = project({});
    const dir = path.join(root, "dist");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "cli.js"), "");
    expect(() => assertComplete({ dir, label: "dist/" })).toThrow(
      /^dist\/ lacks action\.js, index\.js, post\.js, lib\.js, package\.json, tree-sitter\.wasm, tree-sitter-bash\.wasm: build it with `npm run bundle`$/,
    );
    expect(() => assertComplete({ dir, label: "RUNBOOK_EXEC_DIST=x" })).toThrow(/--out-dir DIR/);
    rmSync(root, { recursive: true });
  });

  it("is fresh, without a warning, while src/ and the build files are as its record says", () => {
    const root = project({ "a.ts": "a" });
    mkdirSync(path.join(root, "dist"));
    writeFileSync(path.join(root, "dist", "sources.sha256"), sourcesRecord(root));
    expect(stalenessWarning(distUnderTest(root, undefined), root)).toBeUndefined();
    rmSync(root, { recursive: true });
  });

  it("warns, naming what changed and how to test the change, once src/ has moved on", () => {
    const files = Object.fromEntries([..."abcdefg"].map((name) => [`${name}.ts`, name]));
    const root = project(files);
    mkdirSync(path.join(root, "dist"));
    writeFileSync(path.join(root, "dist", "sources.sha256"), sourcesRecord(root));
    writeFileSync(path.join(root, "src", "faces.ts"), "new");
    expect(stalenessWarning(distUnderTest(root, undefined), root)).toMatch(
      /^warning: dist\/ was built from other sources: src\/faces\.ts changed since; .*`npm run bundle`.*RUNBOOK_EXEC_DIST=DIR npm test`$/,
    );
    for (const name of Object.keys(files)) writeFileSync(path.join(root, "src", name), "edited");
    expect(stalenessWarning(distUnderTest(root, undefined), root)).toMatch(
      /: src\/a\.ts, src\/b\.ts, src\/c\.ts, src\/d\.ts, src\/e\.ts and 3 more changed since;/,
    );
    rmSync(root, { recursive: true });
  });

  it("warns when the dist/ keeps no record of its sources (built before records, or broken)", () => {
    const root = project({ "a.ts": "a" });
    const dir = path.join(root, "elsewhere");
    mkdirSync(dir);
    expect(stalenessWarning({ dir, label: "RUNBOOK_EXEC_DIST=elsewhere" }, root)).toMatch(
      /^warning: RUNBOOK_EXEC_DIST=elsewhere has no sources\.sha256, so nothing tells whether it was built from this src\/;/,
    );
    rmSync(root, { recursive: true });
  });
});
