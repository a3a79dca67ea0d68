import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createActionIO, inputFrom } from "../../../src/adapters/github/action-io.js";

let written: string[] = [];
const saved = { ...process.env };

beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  // Put the variables back in the real process.env: test files share their worker (isolate:
  // false), and a plain object in its place would outlive this file.
  for (const name of Object.keys(process.env))
    if (!(name in saved)) Reflect.deleteProperty(process.env, name);
  Object.assign(process.env, saved);
  process.exitCode = undefined;
});

describe("createActionIO", () => {
  it("reads inputs from the environment it was given, as core.getInput would, not from process.env", () => {
    const snapshot = { "INPUT_GITHUB-TOKEN": "  ghs_fromSnapshot \n", INPUT_FAIL_ON: "warning" };
    process.env["INPUT_GITHUB-TOKEN"] = "ghs_fromProcessEnv";
    const io = createActionIO(snapshot);
    expect(io.getInput("github-token")).toBe("ghs_fromSnapshot");
    expect(io.getInput("fail on")).toBe("warning");
    expect(io.getInput("runbook")).toBe("");
    expect(inputFrom({}, "github-token")).toBe("");
  });

  it("prints annotations as escaped workflow commands", () => {
    createActionIO().annotate({
      kind: "warning",
      title: "RB005 (fence-language)",
      message: "50% done\n::error::not a command",
      file: "runbooks/a,b:c.md",
      line: 3,
      column: 1,
    });
    expect(written.join("")).toBe(
      "::warning title=RB005 (fence-language),file=runbooks/a%2Cb%3Ac.md,line=3,col=1::50%25 done%0A::error::not a command\n",
    );
  });

  it("keeps log lines on one line that cannot start a workflow command", () => {
    const io = createActionIO();
    io.info("::error::from a file name\n::warning::second line");
    io.info("Validating 2 runbook(s).");
    expect(written.join("")).toBe(
      " ::error::from a file name ::warning::second line\nValidating 2 runbook(s).\n",
    );
  });

  it("writes outputs in the runner's heredoc format", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rbx-io-")), "output");
    writeFileSync(file, "");
    process.env["GITHUB_OUTPUT"] = file;
    createActionIO().setOutput("max-risk", "destructive");
    expect(readFileSync(file, "utf8")).toMatch(
      /^max-risk<<(ghadelimiter_[\w-]+)\ndestructive\n\1\n$/,
    );
  });

  it("skips the summary outside the runner and appends to it inside", async () => {
    delete process.env["GITHUB_STEP_SUMMARY"];
    await expect(createActionIO().writeSummary("# x")).resolves.toBeUndefined();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rbx-io-")), "summary.md");
    writeFileSync(file, "before\n");
    process.env["GITHUB_STEP_SUMMARY"] = file;
    await createActionIO().writeSummary("## runbook-exec\n");
    expect(readFileSync(file, "utf8")).toBe("before\n## runbook-exec\n");
  });

  it("fails the step with one error command and exit code 1", () => {
    createActionIO().fail("Unexpected `x` for input `fail-on`.");
    expect(written.join("")).toBe("::error::Unexpected `x` for input `fail-on`.\n");
    expect(process.exitCode).toBe(1);
  });
});
