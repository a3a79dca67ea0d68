import { describe, expect, it } from "vitest";
import { TOOL_FAMILIES, toolFor } from "../../src/classify/registry.js";

describe("tool registry", () => {
  it("gives every name to exactly one family", () => {
    const names = TOOL_FAMILIES.flatMap((f) => f.names);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names.length).toBeGreaterThan(500);
  });

  it.each([
    ["mkfs.ext4", "mkfs"],
    ["python3.11", "python"],
    ["pip3.12", "pip"],
    ["pip3", "pip3"],
    ["kubectl.exe", "kubectl"],
    ["git", "git"],
  ])("finds %s as %s", (name, canonical) => {
    expect(toolFor(name)?.name).toBe(canonical);
    expect(toolFor(name)?.family).toBe(toolFor(canonical)?.family);
  });

  it("knows nothing about made-up tools", () => {
    expect(toolFor("frobnicate")).toBeUndefined();
    expect(toolFor("k3s")).toBeUndefined();
  });
});
