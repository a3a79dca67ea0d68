import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { distUnderTest } from "../helpers/dist-under-test.js";

// ncc splits a dynamic import inside a bundled package (the Anthropic SDK's credential files
// and skills) into a chunk that the bundle imports at run time from beside itself. Each entry's
// chunks ship under the entry's name (scripts/bundle.js): every chunk a bundle can load is
// there, and under the name its loader asks for. Before, dist/action.js loaded two chunks that
// were never shipped.
const ROOT = path.resolve(import.meta.dirname, "../..");
const dist = distUnderTest(ROOT, process.env["RUNBOOK_EXEC_DIST"]);

describe("the chunks a bundle loads", () => {
  it.each(["action.js", "cli.js", "lib.js"])("%s: each one it loads is shipped", (entry) => {
    const code = readFileSync(path.join(dist.dir, entry), "utf8");
    const ids = [...new Set([...code.matchAll(/\b\w+\.e\((\d+)\)/g)].map((match) => match[1]))];
    const loader = /__nccwpck_require__\.u ?= ?\w+ ?=> ?"([^"]*)" ?\+ ?\w+ ?\+ ?"\.index\.js"/.exec(
      code,
    );
    if (ids.length === 0) return;
    expect(loader?.[1]).toBe(`${entry.replace(/\.js$/, "")}.`);
    for (const id of ids) {
      const file = path.join(dist.dir, `${loader?.[1] ?? ""}${id}.index.js`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(new RegExp(`^export const id = ${id};`));
    }
  });
});
