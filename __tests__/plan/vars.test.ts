import { describe, expect, it } from "vitest";
import { RunbookExecError } from "../../src/core/errors.js";
import type { ParameterDeclaration, Runbook } from "../../src/core/runbook.js";
import { missingParametersError, parseVarFlags, resolveParameters } from "../../src/plan/vars.js";

const declared = (
  name: string,
  fallback: string | undefined,
  secret = false,
): ParameterDeclaration => ({
  name,
  default: fallback,
  description: undefined,
  secret,
  line: 4,
});

const runbook = (
  parameters: readonly ParameterDeclaration[] | undefined,
  steps: Runbook["steps"] = [],
): Pick<Runbook, "path" | "frontMatter" | "lines" | "steps"> => ({
  path: "rb.md",
  frontMatter:
    parameters === undefined
      ? undefined
      : { title: undefined, parameters, problems: [], stepMode: undefined, owners: [], extra: {} },
  lines: ["---", "title: x", "parameters:", "  A: 1", "---", "# x"],
  steps,
});

function thrown(action: () => unknown): RunbookExecError {
  try {
    action();
  } catch (error) {
    if (error instanceof RunbookExecError) return error;
    throw error;
  }
  throw new Error("expected a RunbookExecError");
}

describe("parseVarFlags", () => {
  it("splits at the first = and keeps empty values and = in values", () => {
    expect(parseVarFlags(["A=1", "B=x=y", "C="])).toEqual({ A: "1", B: "x=y", C: "" });
  });

  it("rejects a flag without = or with a name a shell cannot read, and duplicates", () => {
    expect(thrown(() => parseVarFlags(["A"])).code).toBe("USAGE");
    expect(thrown(() => parseVarFlags(["1A=x"])).message).toContain("is not KEY=VALUE");
    expect(thrown(() => parseVarFlags(["A-B=x"])).message).toContain("is not KEY=VALUE");
    expect(thrown(() => parseVarFlags(["A=1", "A=2"])).message).toContain("given twice");
  });

  it.each(["PATH", "LD_PRELOAD", "BASH_FUNC_ls%%", "GIT_CONFIG_COUNT", "NODE_OPTIONS", "path"])(
    "refuses `--var %s=…`",
    (name) => {
      const error = thrown(() => parseVarFlags([`${name}=x`]));
      expect(error.code).toBe("USAGE");
    },
  );
});

describe("resolveParameters", () => {
  it("applies defaults and overrides them with --var, in any letter case", () => {
    const resolved = resolveParameters(runbook([declared("A", "1"), declared("B", "two")]), {
      b: "2",
    });
    expect(resolved.values).toEqual({ A: "1", B: "2" });
    expect(resolved.missing).toEqual([]);
  });

  it("an empty default and an empty --var are values; no default is required", () => {
    const resolved = resolveParameters(
      runbook([declared("EXTRA_ARGS", ""), declared("NEED", undefined), declared("E", "x")]),
      { E: "" },
    );
    expect(resolved.values).toEqual({ EXTRA_ARGS: "", E: "" });
    expect(resolved.missing.map((spec) => spec.name)).toEqual(["NEED"]);
    expect(missingParametersError({ path: "rb.md" }, resolved.missing).describe()).toBe(
      "rb.md:4: missing required parameter `NEED` (declared without a default) and no terminal to ask; pass `--var NEED=VALUE`",
    );
  });

  it("an unknown name is an error listing the known ones", () => {
    const error = thrown(() => resolveParameters(runbook([declared("A", "1")]), { B: "2" }));
    expect(error.message).toContain("unknown parameter `B`");
    expect(error.message).toContain("knows `A`");
  });

  it("a runbook without front matter or placeholders accepts no --var", () => {
    expect(resolveParameters(runbook(undefined), {}).values).toEqual({});
    expect(thrown(() => resolveParameters(runbook(undefined), { A: "1" })).message).toContain(
      "declares no parameters",
    );
  });
});
