import { describe, expect, it } from "vitest";
import { readInputs, type InputName } from "../../../src/faces/action/inputs.js";
import { RunbookExecError } from "../../../src/core/errors.js";

function reader(values: Partial<Record<InputName, string>>): (name: InputName) => string {
  return (name) => values[name] ?? "";
}

describe("readInputs", () => {
  it("falls back to the defaults when nothing is set", () => {
    const inputs = readInputs(reader({}));
    expect(inputs).toEqual({
      command: "validate",
      runbooks: [],
      paths: ["runbooks/**/*.md", "docs/runbooks/**/*.md"],
      formats: new Set(["annotations", "summary"]),
      sarifFile: "runbook-exec.sarif",
      failOn: "error",
      anthropicApiKey: undefined,
      model: undefined,
      configPath: undefined,
      githubToken: undefined,
    });
  });

  it("reads lists, one item per line, and formats separated by commas", () => {
    const inputs = readInputs(
      reader({
        runbooks: "ops/a.md\n\n  ops/with space.md  \n",
        format: "sarif, summary",
        "fail-on": "warning",
        "anthropic-api-key": "sk-ant-x",
        "github-token": "ghs_abc",
      }),
    );
    expect(inputs.runbooks).toEqual(["ops/a.md", "ops/with space.md"]);
    expect([...inputs.formats]).toEqual(["sarif", "summary"]);
    expect(inputs.failOn).toBe("warning");
    expect(inputs.anthropicApiKey).toBe("sk-ant-x");
    expect(inputs.githubToken).toBe("ghs_abc");
  });

  it("rejects an unknown value, naming the input and what it accepts", () => {
    expect(() => readInputs(reader({ "fail-on": "sometimes" }))).toThrow(
      "Unexpected `sometimes` for input `fail-on`, expected one of `error`, `warning`, `never`.",
    );
    expect(() => readInputs(reader({ format: "annotations,html" }))).toThrow(
      /input `format`, expected one of `annotations`, `summary`, `sarif`/,
    );
  });

  it.each(["run", "replay"])("rejects the coming command %s with a clear message", (command) => {
    let error: unknown;
    try {
      readInputs(reader({ command }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RunbookExecError);
    expect(error).toMatchObject({ code: "USAGE" });
    expect(String(error)).toContain(`\`command: ${command}\` is not available`);
  });
});
