import { describe, expect, it } from "vitest";
import { RunbookExecError } from "../../src/core/errors.js";
import { parseVarFlags, resolveParameters } from "../../src/plan/parameters.js";

const runbook = (parameters: Record<string, string> | undefined) => ({
  path: "rb.md",
  frontMatter:
    parameters === undefined ? undefined : { title: undefined, parameters, owners: [], extra: {} },
  lines: ["---", "title: x", "parameters:", "  A: 1", "---", "# x"],
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
});

describe("resolveParameters", () => {
  it("applies defaults and overrides them with --var", () => {
    expect(resolveParameters(runbook({ A: "1", B: "two" }), { B: "2" })).toEqual({
      A: "1",
      B: "2",
    });
  });

  it("a parameter without a default is required; the error points at the parameters line", () => {
    const error = thrown(() => resolveParameters(runbook({ A: "1", NEED: "" }), {}));
    expect(error.describe()).toBe(
      "rb.md:3: missing required parameter `NEED` (declared without a default); pass `--var NEED=VALUE`",
    );
  });

  it("an unknown name is an error listing the declared ones", () => {
    const error = thrown(() => resolveParameters(runbook({ A: "1" }), { B: "2" }));
    expect(error.message).toContain("unknown parameter `B`");
    expect(error.message).toContain("declares `A`");
  });

  it("a runbook without front matter accepts no --var", () => {
    expect(resolveParameters(runbook(undefined), {})).toEqual({});
    expect(thrown(() => resolveParameters(runbook(undefined), { A: "1" })).message).toContain(
      "declares no parameters",
    );
  });
});
