// End to end: the bundled action (node dist/index.js, copied into a temporary directory) in
// a temporary workspace, with the runner's environment, against a fake GitHub API.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { classifyEvery, startFakeAnthropic } from "../../helpers/fake-anthropic.js";
import { startFakeGitHub, type FakeGitHub, type FakePullFile } from "../../helpers/fake-github.js";
import {
  actionBundle,
  copyWorkspace,
  runDist,
  workflowCommands,
  type DistRunOptions,
} from "./dist-harness.js";

const BASE = "1".repeat(40);
const HEAD = "2".repeat(40);

function pullRequestEvent(changedFiles: number, shas = { base: BASE, head: HEAD }) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      changed_files: changedFiles,
      base: { ref: "main", sha: shas.base },
      head: { ref: "feature", sha: shas.head },
    },
    repository: { name: "ops", full_name: "acme/ops", owner: { login: "acme" } },
  };
}

// Many files that are not runbooks, so the runbooks sit on the third page of 100.
const FILLER: FakePullFile[] = Array.from({ length: 230 }, (_, i) => ({
  filename: `src/module-${i}.ts`,
  status: "modified",
}));

let bundle = "";
let fake: FakeGitHub | undefined;

beforeAll(() => {
  bundle = actionBundle();
});

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function inPullRequest(
  files: FakePullFile[],
  options: Partial<DistRunOptions> = {},
): Promise<Awaited<ReturnType<typeof runDist>> & { workspace: string }> {
  fake = await startFakeGitHub({
    owner: "acme",
    repo: "ops",
    token: "ghs_testtoken",
    pulls: { 7: files },
  });
  const workspace = options.workspace ?? copyWorkspace();
  const run = await runDist({
    bundle,
    workspace,
    eventName: "pull_request",
    event: pullRequestEvent(files.length),
    apiUrl: fake.url,
    ...options,
  });
  return { ...run, workspace };
}

describe("dist/index.js in a pull request", () => {
  it("validates the changed runbooks: annotations, outputs, summary, exit status", async () => {
    const run = await inPullRequest([
      ...FILLER,
      { filename: "runbooks/disk-full.md", status: "modified" },
      { filename: "runbooks/broken.md", status: "added" },
      { filename: "runbooks/gone.md", status: "removed" },
      {
        filename: "docs/runbooks/read-only.md",
        status: "renamed",
        previous_filename: "docs/runbooks/ro.md",
      },
      { filename: "notes/not-a-runbook.md", status: "modified" },
    ]);
    // Three pages of the file list, each with the token.
    expect(fake?.requests.map((r) => r.url)).toHaveLength(3);
    expect(fake?.requests.every((r) => r.authorization === "token ghs_testtoken")).toBe(true);

    const errors = workflowCommands(run.stdout, "error");
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^::error title=RB002 \(fence-at-margin\),file=runbooks\/broken\.md,line=5,col=1::/,
      ),
    );
    expect(run.stdout).not.toContain("not-a-runbook");
    expect(run.outputs).toEqual({
      runbooks: "3",
      steps: "5",
      errors: "1",
      warnings: expect.any(String) as unknown as string,
      "max-risk": "destructive",
      "needs-approval": expect.any(String) as unknown as string,
      "sarif-file": "",
    });
    expect(Number(run.outputs["needs-approval"])).toBeGreaterThanOrEqual(1);
    expect(run.summary).toContain(
      "Runbooks changed in pull request &#35;7&#58; 3 of 235 changed files&#46;",
    );
    expect(run.summary).toContain("<code>runbooks/gone&#46;md</code> was deleted (not validated)");
    expect(run.summary).toContain("### <code>runbooks/disk&#45;full&#46;md</code> Disk full");
    expect(run.summary).toContain("```mermaid");
    expect(run.summary).toContain("Risk classification used the built-in rules only");
    expect(workflowCommands(run.stdout, "notice")[0]).toMatch(
      /^::notice title=runbook-exec%3A rules only::No `anthropic-api-key`/,
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::1 error\(s\) and \d+ warning\(s\) in 3 runbook\(s\) \(fail-on: error\)/m,
    );
  });

  it("passes with fail-on: never, and writes SARIF when asked", async () => {
    const run = await inPullRequest([{ filename: "runbooks/broken.md", status: "added" }], {
      inputs: {
        "fail-on": "never",
        format: "annotations,summary,sarif",
        "sarif-file": "out/rb.sarif",
      },
    });
    expect(run.exitCode).toBe(0);
    const sarifFile = path.join(run.workspace, "out", "rb.sarif");
    expect(run.outputs["sarif-file"]).toBe(sarifFile);
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8")) as {
      version: string;
      runs: {
        tool: { driver: { name: string; version: string } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]?.tool.driver).toMatchObject({ name: "runbook-exec", version: "0.1.0" });
    expect(
      sarif.runs[0]?.results.map((r) => [
        r.ruleId,
        r.locations[0]?.physicalLocation.artifactLocation.uri,
      ]),
    ).toContainEqual(["RB002", "runbooks/broken.md"]);
  });

  it("does nothing and passes when no runbook changed", async () => {
    const run = await inPullRequest([
      ...FILLER.slice(0, 5),
      { filename: "runbooks/gone.md", status: "removed" },
    ]);
    expect(run.exitCode).toBe(0);
    expect(workflowCommands(run.stdout, "error")).toEqual([]);
    expect(run.outputs).toMatchObject({
      runbooks: "0",
      steps: "0",
      errors: "0",
      "max-risk": "none",
    });
    expect(run.summary).toContain("0 of 6 changed files");
    expect(run.summary).toContain("<code>runbooks/gone&#46;md</code> was deleted (not validated)");
  });

  it("reports an unreadable runbook on its file and line, without a stack trace", async () => {
    const run = await inPullRequest([{ filename: "runbooks/latin1.md", status: "added" }]);
    expect(run.exitCode).toBe(1);
    expect(workflowCommands(run.stdout, "error")[0]).toMatch(
      /^::error title=runbook-exec%3A INPUT_INVALID_UTF8,file=runbooks\/latin1\.md,line=1::invalid UTF-8/,
    );
    expect(run.outputs).toMatchObject({ runbooks: "1", errors: "1" });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("cannot be injected: runbook text stays data in the log and inert in the summary", async () => {
    const run = await inPullRequest([{ filename: "runbooks/hostile.md", status: "added" }]);
    const lines = run.stdout.split("\n");
    // The finding quotes the step, `::error::` included, but only inside the action's own command.
    expect(workflowCommands(run.stdout, "error")[0]).toMatch(
      /^::error title=RB002 \(fence-at-margin\),file=runbooks\/hostile\.md,line=12,col=1::.*::error::injected/,
    );
    // Every workflow command printed is one the action meant to print.
    for (const line of lines.filter((l) => l.startsWith("::"))) {
      expect(line).toMatch(/^::(error|warning|notice) title=|^::error::\d+ error/);
    }
    expect(run.summary).not.toMatch(/<(img|script)\b/i);
    expect(run.summary).not.toContain("::error::");
    expect(run.summary).not.toContain("::warning::");
    expect(run.summary).not.toContain("](javascript");
    expect(run.summary).not.toContain("@everyone");
    expect(run.summary).toContain("&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;");
    expect(run.summary).toContain("&#58;&#58;error&#58;&#58;injected from a runbook");
  });

  it("annotates 10 errors at most and says how many more there are", async () => {
    const run = await inPullRequest([{ filename: "runbooks/many-errors.md", status: "added" }]);
    const annotations = workflowCommands(run.stdout, "error").filter((l) => l.includes("file="));
    expect(annotations).toHaveLength(10);
    expect(run.outputs["errors"]).toBe("12");
    expect(run.summary).toContain("2 errors");
    expect(run.summary).toContain("more are listed below only");
  });

  it("falls back to git diff when the API refuses", async () => {
    const workspace = copyWorkspace();
    const git = (...args: string[]): string =>
      execFileSync("git", args, {
        cwd: workspace,
        encoding: "utf8",
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@e",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@e",
        },
      }).trim();
    git("init", "-q", "-b", "main");
    git("add", "docs", "notes");
    git("commit", "-q", "-m", "base");
    const base = git("rev-parse", "HEAD");
    git("add", "runbooks/disk-full.md");
    git("commit", "-q", "-m", "head");
    const head = git("rev-parse", "HEAD");
    fake = await startFakeGitHub({
      owner: "acme",
      repo: "ops",
      token: "ghs_testtoken",
      pulls: { 7: [] },
      failWith: { status: 403, message: "Resource not accessible by integration" },
    });
    const run = await runDist({
      bundle,
      workspace,
      eventName: "pull_request",
      event: pullRequestEvent(1, { base, head }),
      apiUrl: fake.url,
    });
    expect(run.stdout).toContain("Resource not accessible by integration");
    expect(run.outputs).toMatchObject({ runbooks: "1", errors: "0" });
    expect(run.exitCode).toBe(0);
  });
});

describe("dist/index.js elsewhere", () => {
  it("validates every runbook matching `paths` on a push", async () => {
    const workspace = copyWorkspace();
    const run = await runDist({
      bundle,
      workspace,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { paths: "docs/runbooks/**/*.md" },
    });
    expect(run.outputs).toMatchObject({ runbooks: "1", errors: "0" });
    expect(run.summary).toContain("All runbooks matching <code>paths</code>&#46;");
    expect(run.exitCode).toBe(0);
  });

  it("rejects command: replay with a clear message, not a silent success", async () => {
    const run = await runDist({
      bundle,
      workspace: copyWorkspace(),
      eventName: "push",
      event: {},
      inputs: { command: "replay" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "::error::Input `command: replay` is not available in this version",
    );
    expect(run.outputs).toEqual({});
  });

  it("rejects command: run without a runbook, naming the input", async () => {
    const run = await runDist({
      bundle,
      workspace: copyWorkspace(),
      eventName: "push",
      event: {},
      inputs: { command: "run" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("::error::Input `runbook` is required");
    expect(run.outputs).toEqual({});
  });

  it("names the config file, key and line when the configuration is bad", async () => {
    const workspace = copyWorkspace();
    const run = await runDist({
      bundle,
      workspace,
      eventName: "push",
      event: {},
      inputs: { config: "bad-config.toml" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*bad-config\.toml:2: .*no_such_key/m);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });

  it("classifies with Claude when given a key, and masks the key", async () => {
    const anthropic = await startFakeAnthropic(classifyEvery(() => "destructive"));
    try {
      const run = await runDist({
        bundle,
        workspace: copyWorkspace(),
        eventName: "push",
        event: {},
        inputs: { paths: "docs/runbooks/**/*.md", "anthropic-api-key": "sk-ant-test-secret" },
        extraEnv: { ANTHROPIC_BASE_URL: anthropic.url },
      });
      expect(anthropic.requests).toHaveLength(1);
      const headers = anthropic.requests[0]?.headers ?? {};
      expect(headers["x-api-key"] ?? headers.authorization).toContain("sk-ant-test-secret");
      expect(run.stdout).toContain("::add-mask::sk-ant-test-secret");
      expect(run.outputs).toMatchObject({ runbooks: "1", "max-risk": "destructive" });
      expect(run.summary).toContain("🔴 destructive (llm)");
      expect(run.summary).not.toContain("built-in rules only");
      expect(workflowCommands(run.stdout, "notice")).toEqual([]);
    } finally {
      await anthropic.close();
    }
  });
});
