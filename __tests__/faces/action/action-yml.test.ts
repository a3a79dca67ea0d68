import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ACTION_INPUTS, ACTION_OUTPUTS } from "../../../src/faces/action/inputs.js";

interface ActionYml {
  runs: { using: string; main: string; post: string };
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const actionYml = parse(readFileSync(path.join(root, "action.yml"), "utf8")) as ActionYml;

describe("action.yml against the typed inputs and outputs", () => {
  it("declares exactly the inputs the code reads", () => {
    expect(Object.keys(actionYml.inputs).sort()).toEqual(
      ACTION_INPUTS.map((input) => input.name).sort(),
    );
  });

  it("declares exactly the outputs the code sets", () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
  });

  it.each(ACTION_INPUTS.map((input) => [input.name, input.default] as const))(
    "input %s has the default the code falls back to",
    (name, fallback) => {
      const declared = actionYml.inputs[name];
      expect(declared?.default ?? "").toBe(fallback);
      expect(declared?.required ?? false).toBe(false);
      expect(declared?.description.length).toBeGreaterThan(10);
    },
  );

  it("describes every output", () => {
    for (const name of ACTION_OUTPUTS) {
      expect(actionYml.outputs[name]?.description.length).toBeGreaterThan(10);
    }
  });

  it("runs the ncc bundle on node24 and has branding", () => {
    expect(actionYml.runs).toEqual({
      using: "node24",
      main: "dist/index.js",
      post: "dist/post.js",
    });
    expect(actionYml.branding.icon).not.toBe("");
    expect(actionYml.branding.color).not.toBe("");
  });
});
