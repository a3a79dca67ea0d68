import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/** A dynamic `import(…)` call (not `import type`, not a static import line). */
const DYNAMIC_IMPORT = /(?<![\w.])import\s*\(/g;
const EAGER = /^import\s*\(\s*\/\*\s*webpackMode:\s*"eager"\s*\*\//;

/** Every dynamic import in src/, as `file:line`, with whether it is marked eager. */
function dynamicImports(): { where: string; eager: boolean }[] {
  const found: { where: string; eager: boolean }[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((name) =>
    name.endsWith(".ts"),
  );
  for (const name of files) {
    const text = readFileSync(path.join(SRC, name), "utf8");
    for (const match of text.matchAll(DYNAMIC_IMPORT)) {
      const line = text.slice(0, match.index).split("\n").length;
      found.push({ where: `${name}:${line}`, eager: EAGER.test(text.slice(match.index)) });
    }
  }
  return found;
}

describe("dynamic imports in src/", () => {
  // A module loaded on first use keeps start-up cheap (the Anthropic and MCP SDKs), but ncc makes
  // an unmarked import() a chunk file of its own, which scripts/bundle.js does not ship: the
  // bundle would fail only when that path runs. `eager` keeps the module in the one bundle file.
  it('are all marked /* webpackMode: "eager" */', () => {
    const imports = dynamicImports();
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((found) => !found.eager).map((found) => found.where)).toEqual([]);
  });
});
