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
    ["kubectl.exe", "kubectl"],
    ["git", "git"],
  ])("finds %s through %s", (name, canonical) => {
    expect(toolFor(name)).toBe(toolFor(canonical));
    expect(toolFor(name)).toBeDefined();
  });

  it("knows nothing about made-up tools", () => {
    expect(toolFor("frobnicate")).toBeUndefined();
  });
});
