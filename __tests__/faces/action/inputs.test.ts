import { describe, expect, it } from "vitest";
import { inputValue, readInputs, type InputName } from "../../../src/faces/action/inputs.js";
import { checkUnattended, readRunInputs } from "../../../src/faces/action/run-inputs.js";
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

  it.each(["plan", "run"])("accepts command %s", (command) => {
    expect(readInputs(reader({ command })).command).toBe(command);
  });

  it.each(["replay"])("rejects the coming command %s with a clear message", (command) => {
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

describe("readRunInputs", () => {
  const value = (inputs: Partial<Record<InputName, string>>) => inputValue(reader(inputs));

  it("applies action.yml's defaults", () => {
    const run = readRunInputs(value({ runbook: "runbooks/a.md" }));
    expect(run).toMatchObject({
      runbook: "runbooks/a.md",
      dryRun: false,
      autoApprove: "read_only",
      allowUnattendedDestructive: false,
      environmentLevel: "destructive",
      preventSelfApproval: true,
      uploadArtifact: true,
    });
    expect([...run.approval]).toEqual(["environment"]);
  });

  it("reads environments, vars and channels", () => {
    const run = readRunInputs(
      value({
        runbook: "a.md",
        environments: "modifying=ops\ndestructive = production",
        vars: "NAMESPACE=prod\nURL=https://x/?a=b",
        approval: "environment, github",
      }),
    );
    expect([...run.environments]).toEqual([
      ["modifying", "ops"],
      ["destructive", "production"],
    ]);
    expect(run.vars).toEqual({ NAMESPACE: "prod", URL: "https://x/?a=b" });
    expect([...run.approval]).toEqual(["environment", "github"]);
  });

  it.each([
    [{}, "`runbook` is required"],
    [{ runbook: "a.md", environments: "prod" }, "LEVEL=ENVIRONMENT"],
    [{ runbook: "a.md", "plan-hash": "abc" }, "64 hex digits"],
    [{ runbook: "a.md", "dry-run": "yes" }, "`dry-run`"],
    [{ runbook: "a.md", approval: "everyone" }, "`approval`"],
    [{ runbook: "a.md", timeout: "-5" }, "`timeout`"],
    [{ runbook: "a.md", vars: "1X=2" }, "`vars`"],
  ] as const)("rejects %o with a message naming the input", (inputs, message) => {
    expect(() => readRunInputs(value(inputs))).toThrow(message);
  });

  it("allows auto-approve: destructive only in a dry run or when allowed explicitly", () => {
    const live = readRunInputs(value({ runbook: "a.md", "auto-approve": "destructive" }));
    expect(() => checkUnattended(live)).toThrow("allow-unattended-destructive");
    const dry = readRunInputs(
      value({ runbook: "a.md", "auto-approve": "destructive", "dry-run": "true" }),
    );
    expect(() => checkUnattended(dry)).not.toThrow();
    const allowed = readRunInputs(
      value({
        runbook: "a.md",
        "auto-approve": "destructive",
        "allow-unattended-destructive": "true",
      }),
    );
    expect(() => checkUnattended(allowed)).not.toThrow();
  });
});
