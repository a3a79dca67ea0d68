import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kernelModule, kernelModulePath, kernelSources } from "../../scripts/wasm-kernels.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("WebAssembly kernels", () => {
  const sources = kernelSources(ROOT);

  it("are found (the check below is not empty)", () => {
    expect(sources).toContain("src/present/frame-lines-kernel.wat");
  });

  it.each(sources)(
    "%s: the committed module is its compilation (`npm run wasm`)",
    async (source) => {
      const committed = readFileSync(path.join(ROOT, kernelModulePath(source)), "utf8");
      expect(committed).toBe(await kernelModule(ROOT, source));
    },
  );
});
