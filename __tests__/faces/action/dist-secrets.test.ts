// End to end: the bundled action (node dist/index.js) started as the runner starts it, with its
// inputs and the runner's tokens in its environment. A step that reads the environment of its
// parent (the action), of every ancestor, and of every process it can see finds none of them,
// in `process-group` containment, where /proc shows the host (a namespace hides it anyway), and
// the audit log is still uploaded with the runtime token the action held in memory.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeArtifacts, type FakeArtifacts } from "../../helpers/fake-artifacts.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";
import { buildActionBundle, runDist } from "./dist-harness.js";

let bundle = "";
let github: FakeGitHub | undefined;
let artifacts: FakeArtifacts | undefined;

beforeAll(async () => {
  bundle = await buildActionBundle();
}, 600_000);

afterAll(async () => {
  await github?.close();
  await artifacts?.close();
});

const unique = (prefix: string): string => `${prefix}${randomBytes(12).toString("hex")}`;

/** A runbook whose one step copies every environment it can read into files under `out`. */
function reachingRunbook(out: string): string {
  return [
    "# Reach for the action's secrets",
    "",
    "1. Read the parent's, every ancestor's and every visible process's environment",
    "",
    "   ```bash",
    "   p=$PPID",
    '   while [ "$p" -gt 1 ]; do',
    `     { tr '\\0' '\\n' < "/proc/$p/environ"; echo; } >> ${out}/ancestors.txt || true`,
    `     p=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$p/status")`,
    "   done",
    `   for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < "$f" 2>/dev/null || true; done > ${out}/all.txt`,
    "   ```",
    "",
  ].join("\n");
}

describe("dist/index.js: no step can read the action's tokens (invariant 5)", () => {
  it("/proc/$PPID/environ, every ancestor's and every visible process's hold no input or runner token", async () => {
    const secrets = {
      githubToken: unique("ghs_"),
      anthropic: unique("sk-ant-api03-"),
      slack: unique("xoxb-"),
      auditKey: unique("audit-key-"),
      idToken: unique("id-token-"),
      envGithubToken: unique("ghp_"),
    };
    github = await startFakeGitHub({
      owner: "acme",
      repo: "ops",
      token: secrets.githubToken,
      pulls: {},
      runApprovals: { 77: [] },
    });
    artifacts = await startFakeArtifacts();
    const dir = mkdtempSync(path.join(tmpdir(), "rbx-secrets-"));
    const workspace = path.join(dir, "repo");
    const out = path.join(dir, "out");
    mkdirSync(path.join(workspace, "runbooks"), { recursive: true });
    mkdirSync(out);
    writeFileSync(path.join(workspace, "runbooks", "reach.md"), reachingRunbook(out));
    const run = await runDist({
      bundle,
      workspace,
      eventName: "workflow_dispatch",
      event: { inputs: {}, repository: { name: "ops", owner: { login: "acme" } } },
      apiUrl: github.url,
      token: secrets.githubToken,
      inputs: {
        command: "run",
        runbook: "runbooks/reach.md",
        "auto-approve": "modifying",
        "anthropic-api-key": secrets.anthropic,
        "slack-bot-token": secrets.slack,
        "audit-key": secrets.auditKey,
      },
      extraEnv: {
        GITHUB_RUN_ID: "77",
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_ACTOR: "carol",
        RUNNER_ENVIRONMENT: "self-hosted",
        ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
        ACTIONS_RESULTS_URL: artifacts.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: secrets.idToken,
        GITHUB_TOKEN: secrets.envGithubToken,
        RUNBOOK_EXEC_CONTAINMENT: "process-group",
        RUNBOOK_EXEC_NO_LLM: "true",
      },
    });
    expect(run.outputs["status"], run.stdout + run.stderr).toBe("succeeded");
    const ancestors = readFileSync(path.join(out, "ancestors.txt"), "utf8");
    const all = readFileSync(path.join(out, "all.txt"), "utf8");
    // The step did read the action's own environment: the layer under test, not a namespace.
    expect(ancestors).toContain(`GITHUB_WORKSPACE=${workspace}`);
    expect(all).toContain(`GITHUB_WORKSPACE=${workspace}`);
    for (const value of [...Object.values(secrets), artifacts.runtimeToken]) {
      expect(ancestors).not.toContain(value);
      expect(all).not.toContain(value);
    }
    expect(ancestors).not.toMatch(/^INPUT_/m);
    // The upload still had its token, held in memory since start-up.
    expect(artifacts.artifacts).toHaveLength(1);
    expect(run.outputs["artifact-id"]).toBe("9000");
  }, 600_000);
});
