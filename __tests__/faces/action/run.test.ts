import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Annotation } from "../../../src/present/action/annotations.js";
import type { InputName, OutputName } from "../../../src/faces/action/inputs.js";
import type { ActionIO } from "../../../src/faces/action/ports.js";
import { runAction } from "../../../src/faces/action/run.js";
import type { ActionDeps } from "../../../src/faces/action/ports.js";
import { WORKSPACE_FIXTURE } from "./dist-harness.js";

/** An ActionIO that records what the action did. */
function recordingIO(inputs: Partial<Record<InputName, string>>) {
  const seen = {
    annotations: [] as Annotation[],
    outputs: {} as Partial<Record<OutputName, string>>,
    summary: "",
    failures: [] as string[],
    secrets: [] as string[],
  };
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? "",
    setOutput: (name, value) => {
      seen.outputs[name] = value;
    },
    annotate: (annotation) => seen.annotations.push(annotation),
    info: () => undefined,
    setSecret: (value) => seen.secrets.push(value),
    writeSummary: async (markdown) => {
      seen.summary += markdown;
    },
    fail: (message) => seen.failures.push(message),
    writeLog: () => undefined,
    saveState: () => undefined,
    getState: () => "",
  };
  return { io, seen };
}

function deps(io: ActionIO, overrides: Partial<ActionDeps> = {}): ActionDeps {
  return {
    io,
    env: {},
    workspace: WORKSPACE_FIXTURE,
    readPullRequest: async () => undefined,
    changedFiles: () => ({
      fromApi: () => Promise.reject(new Error("not a pull request")),
      fromGit: () => Promise.reject(new Error("not a pull request")),
    }),
    riskModel: () => undefined,
    toolVersion: "0.0.0-test",
    readBaseFile: () => Promise.reject(new Error("not a pull request")),
    run: {
      runApprovals: () => Promise.reject(new Error("not a run")),
      uploadArtifact: () => Promise.reject(new Error("not a run")),
      decisions: () => undefined,
      execute: () => Promise.reject(new Error("not a run")),
      signals: () => () => undefined,
      issuesApi: () => {
        throw new Error("not a run");
      },
      slackApi: () => {
        throw new Error("not a run");
      },
    },
    chatops: {
      event: () => Promise.reject(new Error("not chatops")),
      role: () => Promise.reject(new Error("not chatops")),
      workflowRunActive: () => Promise.reject(new Error("not chatops")),
      checkout: {
        headCommit: () => Promise.reject(new Error("not chatops")),
        unchangedAtHead: () => Promise.reject(new Error("not chatops")),
      },
    },
    ...overrides,
  };
}

describe("runAction", () => {
  it("writes only what `format` asks for, and the summary still counts every finding", async () => {
    const { io, seen } = recordingIO({ runbooks: "runbooks/broken.md", format: "summary" });
    await runAction(deps(io));
    expect(seen.annotations).toEqual([]);
    expect(seen.summary).toContain("### <code>runbooks/broken&#46;md</code>");
    expect(seen.summary).not.toContain("more are listed below only");
    expect(seen.outputs).toMatchObject({ runbooks: "1", errors: "1", "sarif-file": "" });
    expect(seen.failures).toEqual([
      "1 error(s) and 0 warning(s) in 1 runbook(s) (fail-on: error); see the annotations and the job summary.",
    ]);
  });

  it("hands the model factory the key from the input, masked, or from the environment", async () => {
    const keys: (string | undefined)[] = [];
    const riskModel: ActionDeps["riskModel"] = (env) => {
      keys.push(env["ANTHROPIC_API_KEY"]);
      return undefined;
    };
    const fromInput = recordingIO({
      runbooks: "docs/runbooks/read-only.md",
      "anthropic-api-key": "sk-ant-input",
    });
    await runAction(deps(fromInput.io, { riskModel, env: { ANTHROPIC_API_KEY: "sk-ant-env" } }));
    const fromEnv = recordingIO({ runbooks: "docs/runbooks/read-only.md" });
    await runAction(deps(fromEnv.io, { riskModel, env: { ANTHROPIC_API_KEY: "sk-ant-env" } }));
    expect(keys).toEqual(["sk-ant-input", "sk-ant-env"]);
    expect(fromInput.seen.secrets).toEqual(["sk-ant-input"]);
  });

  it("turns a bad input into one failure naming the input, with no output set", async () => {
    const { io, seen } = recordingIO({ format: "html" });
    await runAction(deps(io));
    expect(seen.failures).toEqual([
      "Unexpected `html` for input `format`, expected one of `annotations`, `summary`, `sarif`.",
    ]);
    expect(seen.outputs).toEqual({});
  });

  it("lets a bug through to the entry point instead of dressing it as bad input", async () => {
    const { io } = recordingIO({ runbooks: "runbooks/disk-full.md" });
    const broken = deps(io, {
      readPullRequest: () => Promise.reject(new TypeError("boom")),
    });
    await expect(runAction(broken)).rejects.toThrow("boom");
  });
});

describe("runAction on a pull request: the configuration comes from the base commit (invariant 11)", () => {
  const pullRequest = {
    owner: "acme",
    repo: "ops",
    number: 7,
    baseSha: "b".repeat(40),
    headSha: "c".repeat(40),
    changedFiles: 1,
  };
  /** A checkout whose head adds a config that hides the check's errors and approvals. */
  function headWithHostileConfig(): string {
    const workspace = mkdtempSync(path.join(tmpdir(), "runbook-exec-pr-"));
    cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
    writeFileSync(
      path.join(workspace, ".runbook-exec.toml"),
      'auto_approve_level = "destructive"\n\n[rules]\nRB002 = "off"\n',
    );
    return workspace;
  }

  it("a config the pull request adds changes neither errors nor needs-approval, and is reported", async () => {
    const { io, seen } = recordingIO({ runbooks: "runbooks/broken.md\nrunbooks/disk-full.md" });
    const asked: string[] = [];
    await runAction(
      deps(io, {
        workspace: headWithHostileConfig(),
        readPullRequest: async () => pullRequest,
        readBaseFile: async (_pr, file) => {
          asked.push(file);
          return undefined; // the base commit has no config
        },
      }),
    );
    expect(asked).toEqual([".runbook-exec.toml"]);
    expect(Number(seen.outputs.errors)).toBeGreaterThan(0);
    expect(Number(seen.outputs["needs-approval"])).toBeGreaterThan(0);
    expect(seen.annotations).toContainEqual(
      expect.objectContaining({
        kind: "notice",
        file: ".runbook-exec.toml",
        message: expect.stringContaining("the check used the base commit's version"),
      }),
    );
  });

  it("the base commit's own config applies, and an unchanged one raises no notice", async () => {
    const workspace = headWithHostileConfig();
    const { io, seen } = recordingIO({ runbooks: "runbooks/broken.md" });
    await runAction(
      deps(io, {
        workspace,
        readPullRequest: async () => pullRequest,
        readBaseFile: async () => 'auto_approve_level = "destructive"\n\n[rules]\nRB002 = "off"\n',
      }),
    );
    expect(seen.outputs.errors).toBe("0");
    expect(seen.annotations.filter((a) => a.title?.includes("configuration"))).toEqual([]);
  });

  it("when the base commit cannot be read, the defaults apply, never the head's config", async () => {
    const { io, seen } = recordingIO({ runbooks: "runbooks/broken.md" });
    await runAction(
      deps(io, {
        workspace: headWithHostileConfig(),
        readPullRequest: async () => pullRequest,
        readBaseFile: () => Promise.reject(new Error("shallow clone")),
      }),
    );
    expect(Number(seen.outputs.errors)).toBeGreaterThan(0);
    expect(seen.annotations).toContainEqual(
      expect.objectContaining({ title: "runbook-exec: base configuration unavailable" }),
    );
  });
});
