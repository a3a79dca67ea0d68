// The library entry (`import { validate } from "runbook-exec"`), from source and as the bundle
// that package.json's `exports` points at.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import * as library from "../../../src/faces/library/index.js";
import { bundlePath } from "../../helpers/bundles.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const examples = path.join(root, "examples");

describe("library entry", () => {
  it("exports exactly the documented API", () => {
    expect(Object.keys(library).sort()).toEqual([
      "RULES",
      "RunbookExecError",
      "VERSION",
      "validate",
    ]);
  });

  it("lists every rule with id, alias, description and default severity", () => {
    expect(library.RULES.length).toBeGreaterThanOrEqual(18);
    expect(library.RULES[0]).toEqual({
      id: "RB001",
      alias: expect.any(String),
      description: expect.any(String),
      defaultSeverity: expect.stringMatching(/^(error|warning|info)$/),
    });
  });

  it("validates a folder into the JSON contract", async () => {
    const result = await library.validate(["examples"], { cwd: root });
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.report.schemaVersion).toBe(1);
    expect(result.report.runbooks.map((runbook) => path.basename(runbook.path)).sort()).toEqual([
      "disk-full.md",
      "k8s-crashloop.md",
      "postgres-connections.md",
      "rotate-leaked-credential.md",
    ]);
  });

  it("reports a missing path as a problem and ok = false, without throwing", async () => {
    const result = await library.validate([path.join(examples, "nope.md")], { cwd: root });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
  });

  it("is what package.json exports, and the bundle works on its own", async () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      exports: Record<string, { import: string; types: string }>;
    };
    expect(manifest.exports["."]?.import).toBe("./dist/lib.js");
    const bundled = (await import(pathToFileURL(bundlePath("lib.js")).href)) as typeof library;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(library).sort());
    const result = await bundled.validate(["examples/disk-full.md"], { cwd: root });
    expect(result.report.runbooks[0]?.steps.length).toBeGreaterThan(0);
  });
});
