// End to end: `command: plan` and `command: run` of the bundled action (node dist/index.js), as
// the runner starts it for a workflow_dispatch run, against a fake GitHub API (run approvals) and
// a fake Actions artifact service on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../../src/audit/read-log.js";
import { startFakeArtifacts, type FakeArtifacts } from "../../helpers/fake-artifacts.js";
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeRunApproval,
} from "../../helpers/fake-github.js";
import { bundlePath } from "../../helpers/bundles.js";
import { actionBundle, runDist, type DistRun } from "./dist-harness.js";

const RUN_ID = 77;

/** A runbook whose step 1 prints workflow commands and its environment, step 2 modifies. */
function runbook(marker: string): string {
  return [
    "# Check the service",
    "",
    "1. Look around",
    "",
    "   ```bash",
    '   echo "::error::injected" && echo "::add-mask::x" && echo "::stop-commands::guess" && env | grep -c "^INPUT_" || true',
    "   ```",
    "",
    "2. Touch the marker",
    "",
    "   ```bash",
    `   touch ${marker}`,
    "   ```",
    "",
  ].join("\n");
}

let bundle = "";
let github: FakeGitHub | undefined;
let artifacts: FakeArtifacts | undefined;

beforeAll(() => {
  bundle = actionBundle();
});

afterEach(async () => {
  await github?.close();
  await artifacts?.close();
  github = undefined;
  artifacts = undefined;
});

interface Setup {
  readonly workspace: string;
  readonly marker: string;
}

function workspaceWith(text?: (marker: string) => string): Setup {
  const dir = mkdtempSync(path.join(tmpdir(), "rbx-run-"));
  const workspace = path.join(dir, "repo");
  const marker = path.join(dir, "marker");
  mkdirSync(path.join(workspace, "runbooks"), { recursive: true });
  writeFileSync(path.join(workspace, "runbooks", "check.md"), (text ?? runbook)(marker));
  return { workspace, marker };
}

async function action(
  setup: Setup,
  inputs: Record<string, string>,
  reviews: readonly FakeRunApproval[] = [],
  extra: Partial<Parameters<typeof runDist>[0]> = {},
): Promise<DistRun> {
  github = await startFakeGitHub({
    owner: "acme",
    repo: "ops",
    token: extra.token ?? "ghs_testtoken",
    pulls: {},
    runApprovals: { [RUN_ID]: reviews },
  });
  artifacts = await startFakeArtifacts();
  return runDist({
    bundle,
    workspace: setup.workspace,
    eventName: "workflow_dispatch",
    event: {
      inputs: { runbook: "runbooks/check.md" },
      repository: { name: "ops", owner: { login: "acme" } },
    },
    apiUrl: github.url,
    inputs: { runbook: "runbooks/check.md", ...inputs },
    extraEnv: {
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_ACTOR: "carol",
      RUNNER_ENVIRONMENT: "self-hosted",
      ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
      ACTIONS_RESULTS_URL: artifacts.url,
      ...extra.extraEnv,
    },
    ...(extra.bundle === undefined ? {} : { bundle: extra.bundle }),
    ...(extra.signalWhen === undefined ? {} : { signalWhen: extra.signalWhen }),
    ...(extra.token === undefined ? {} : { token: extra.token }),
  });
}

const APPROVED_OPS: FakeRunApproval = {
  state: "approved",
  environments: ["ops"],
  login: "alice",
  userId: 5,
  comment: "go ahead",
};

async function planHash(setup: Setup): Promise<string> {
  const plan = await action(setup, { command: "plan", environments: "modifying=ops" });
  expect(plan.exitCode).toBe(0);
  return plan.outputs["plan-hash"] ?? "";
}

function runStartOf(log: string): Record<string, unknown> {
  const first = readFileSync(log, "utf8").split("\n")[0] ?? "{}";
  return JSON.parse(first) as Record<string, unknown>;
}

describe("dist/index.js command: plan", () => {
  it("outputs the plan hash, highest risk, approvals needed and environment, and runs nothing", async () => {
    const setup = workspaceWith();
    const run = await action(setup, {
      command: "plan",
      environments: "modifying=ops\ndestructive=production",
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs["plan-hash"]).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs["max-risk"]).toBe("modifying");
    expect(run.outputs["needs-approval"]).toBe("1");
    expect(run.outputs["environment"]).toBe("ops");
    expect(run.summary).toContain("Nothing ran.");
    expect(existsSync(setup.marker)).toBe(false);
  }, 60_000);
});

describe("dist/index.js command: run", () => {
  it("honours and records an environment approval, fences step output, hides INPUT_*, uploads a log that verifies", async () => {
    const setup = workspaceWith();
    const hash = await planHash(setup);
    const run = await action(
      setup,
      { command: "run", environment: "ops", "plan-hash": hash, "audit-key": "k3y-for-the-log" },
      [APPROVED_OPS],
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs["status"]).toBe("succeeded");
    expect(existsSync(setup.marker)).toBe(true);

    // Step output sits between ::stop-commands::TOKEN and ::TOKEN:: with a fresh random token.
    const lines = run.stdout.split("\n");
    const stop = lines.findIndex((line) => line.startsWith("::stop-commands::"));
    const token = lines[stop]?.slice("::stop-commands::".length) ?? "";
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const resume = lines.indexOf(`::${token}::`);
    const injected = lines.indexOf("::error::injected");
    expect(stop).toBeLessThan(injected);
    expect(injected).toBeLessThan(resume);
    expect(lines.slice(stop + 1, resume)).toContain("::stop-commands::guess");
    // No INPUT_* variable reached the step (it printed how many it saw).
    expect(lines.slice(stop + 1, resume)).toContain("0");
    expect(run.stdout).toContain("::add-mask::k3y-for-the-log");

    const log = run.outputs["audit-log"] ?? "";
    const start = runStartOf(log);
    const config = start["config"] as { action: Record<string, unknown> };
    expect(config.action["planHash"]).toBe(hash);
    expect(config.action["environmentApprovers"]).toEqual([
      expect.objectContaining({ login: "alice", id: 5, comment: "go ahead" }),
    ]);
    expect(readFileSync(log, "utf8")).toContain('"channel":"github_environment"');

    // The artifact: a zip holding the log, which verifies with the key and the head.
    expect(run.outputs["artifact-id"]).toBe("9000");
    expect(run.outputs["artifact-url"]).toBe(
      `https://github.com/acme/ops/actions/runs/${RUN_ID}/artifacts/9000`,
    );
    const uploaded = artifacts?.artifacts[0];
    expect(uploaded?.name).toBe(`runbook-exec-audit-${RUN_ID}-1`);
    const out = mkdtempSync(path.join(tmpdir(), "rbx-zip-"));
    writeFileSync(path.join(out, "a.zip"), uploaded?.zip ?? Buffer.alloc(0));
    execFileSync("unzip", ["-q", path.join(out, "a.zip"), "-d", out]);
    const unzipped = path.join(out, path.basename(log));
    const [seq, head] = (run.outputs["audit-head"] ?? "").split(":");
    const verified = await verifyAuditLog(unzipped, {
      key: "k3y-for-the-log",
      expectHead: { seq: Number(seq), hash: head ?? "" },
    });
    expect(verified.status).toBe("intact");
    expect(verified.macs).toBe("checked");
    expect(run.summary).toContain("artifacts/9000");
  }, 120_000);

  it("`vars` binds `<NAMESPACE>`-style placeholders: the values reach the step as data, the log records them, and an unbound one refuses to start", async () => {
    const placeholders = (): string =>
      [
        "# Inspect a pod",
        "",
        "1. Show which pod.",
        "",
        "   ```bash",
        "   printf 'ns=[%s] pod=[%s]\\n' <NAMESPACE> \"<POD_NAME>\"",
        "   ```",
        "",
        "2. Show it again.",
        "",
        "   ```bash",
        "   printf 'again=[%s]\\n' '<NAMESPACE>'",
        "   ```",
        "",
      ].join("\n");
    const setup = workspaceWith(placeholders);
    const hostile = `$(touch ${setup.marker}); reboot`;
    const run = await action(setup, {
      command: "run",
      vars: `NAMESPACE=prod web\nPOD_NAME=${hostile}`,
    });
    expect(run.exitCode, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toContain(`ns=[prod web] pod=[${hostile}]`);
    expect(run.stdout).toContain("again=[prod web]");
    expect(existsSync(setup.marker)).toBe(false);
    const log = run.outputs["audit-log"] ?? "";
    const planned = readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line.includes('"type":"step_planned"'))
      .map((line) => JSON.parse(line) as { step: number; parameters?: Record<string, string> });
    expect(planned.map((record) => record.parameters)).toEqual([
      { NAMESPACE: "prod web", POD_NAME: hostile },
      { NAMESPACE: "prod web" },
    ]);
    expect((await verifyAuditLog(log)).status).toBe("intact");

    const unbound = await action(setup, { command: "run", vars: "NAMESPACE=prod" });
    expect(unbound.exitCode).not.toBe(0);
    expect(unbound.stdout + unbound.stderr).toContain("POD_NAME");
    expect(existsSync(setup.marker)).toBe(false);
  });

  it("denies the modifying step when the environment has no approval in this run", async () => {
    const setup = workspaceWith();
    const hash = await planHash(setup);
    const run = await action(setup, { command: "run", environment: "ops", "plan-hash": hash }, []);
    expect(run.exitCode).toBe(1);
    expect(run.outputs["status"]).toBe("denied");
    expect(run.outputs["steps-denied"]).toBe("1");
    expect(existsSync(setup.marker)).toBe(false);
    expect(readFileSync(run.outputs["audit-log"] ?? "", "utf8")).toContain(
      "no approval for environment",
    );
  }, 120_000);

  it("does not count an approval of another environment", async () => {
    const setup = workspaceWith();
    const hash = await planHash(setup);
    const other = { ...APPROVED_OPS, environments: ["staging"] };
    const run = await action(setup, { command: "run", environment: "ops", "plan-hash": hash }, [
      other,
    ]);
    expect(run.outputs["status"]).toBe("denied");
    expect(existsSync(setup.marker)).toBe(false);
  }, 120_000);

  it("refuses a runbook that changed after the plan, running nothing", async () => {
    const setup = workspaceWith();
    const hash = await planHash(setup);
    writeFileSync(
      path.join(setup.workspace, "runbooks", "check.md"),
      runbook(setup.marker).replace("touch", "touch -c"),
    );
    const run = await action(setup, { command: "run", environment: "ops", "plan-hash": hash }, [
      APPROVED_OPS,
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("changed after it was planned");
    expect(run.outputs["status"]).toBeUndefined();
    expect(existsSync(setup.marker)).toBe(false);
  }, 120_000);

  it("on GHES says the artifact service is not there and still sets audit-log", async () => {
    const setup = workspaceWith();
    const run = await action(setup, { command: "run", "dry-run": "true" }, [], {
      extraEnv: { GITHUB_SERVER_URL: "https://ghes.example.com" },
    });
    expect(run.outputs["audit-log"]).toMatch(/\.ndjson$/);
    expect(existsSync(run.outputs["audit-log"] ?? "")).toBe(true);
    expect(run.outputs["artifact-id"]).toBe("");
    expect(run.stdout).toContain("GitHub Enterprise Server");
    expect(run.stdout).toContain("actions/upload-artifact");
  }, 120_000);

  it("refuses auto-approve: destructive in a live run unless allowed explicitly", async () => {
    const setup = workspaceWith();
    const run = await action(setup, { command: "run", "auto-approve": "destructive" });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("allow-unattended-destructive");
    expect(existsSync(setup.marker)).toBe(false);
    const allowed = await action(setup, {
      command: "run",
      "auto-approve": "destructive",
      "allow-unattended-destructive": "true",
    });
    expect(allowed.outputs["status"]).toBe("succeeded");
    expect(allowed.summary).toContain("**`auto-approve: destructive`");
  }, 120_000);

  it("on SIGINT mid-step kills the step's group, ends the log and uploads it", async () => {
    const setup = workspaceWith((marker) =>
      [
        "# Slow",
        "",
        "1. Wait",
        "",
        "   ```bash",
        `   echo started; (sleep 2; touch ${marker}) & sleep 30`,
        "   ```",
        "",
      ].join("\n"),
    );
    const started = Date.now();
    const run = await action(setup, { command: "run", "auto-approve": "modifying" }, [], {
      signalWhen: { text: "started", signal: "SIGINT" },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.outputs["status"]).toBe("aborted");
    const log = readFileSync(run.outputs["audit-log"] ?? "", "utf8");
    expect(log).toContain('"type":"run_end"');
    expect(log).toContain('"signal":"SIGINT"');
    expect(artifacts?.artifacts).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(existsSync(setup.marker)).toBe(false);
  }, 120_000);

  it("post.js uploads the log the main step saved but did not upload, and only then", async () => {
    const setup = workspaceWith();
    const main = await action(setup, {
      command: "run",
      "dry-run": "true",
      "upload-artifact": "false",
    });
    const log = main.outputs["audit-log"] ?? "";
    expect(existsSync(log)).toBe(true);
    const post = bundlePath("post.js");
    const state = (uploaded: string) => ({
      "STATE_audit-log": log,
      "STATE_artifact-name": "from-post",
      STATE_uploaded: uploaded,
    });
    await action(setup, {}, [], { bundle: post, extraEnv: state("true") });
    expect(artifacts?.artifacts).toHaveLength(0);
    const run = await action(setup, {}, [], { bundle: post, extraEnv: state("") });
    expect(run.exitCode).toBe(0);
    expect(artifacts?.artifacts.map((a) => a.name)).toEqual(["from-post"]);
  }, 600_000);
});

// The action's own tokens: a step that reads the environment of its parent (the action), of
// every ancestor and of every process it can see finds none of them, in `process-group`
// containment, where /proc shows the host (a namespace hides it anyway), and the audit log is
// still uploaded with the runtime token the action held in memory.
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
    const setup = workspaceWith((marker) =>
      reachingRunbook(path.join(path.dirname(marker), "out")),
    );
    const out = path.join(path.dirname(setup.marker), "out");
    mkdirSync(out);
    const run = await action(
      setup,
      {
        command: "run",
        "auto-approve": "modifying",
        "anthropic-api-key": secrets.anthropic,
        "slack-bot-token": secrets.slack,
        "audit-key": secrets.auditKey,
      },
      [],
      {
        token: secrets.githubToken,
        extraEnv: {
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: secrets.idToken,
          GITHUB_TOKEN: secrets.envGithubToken,
          RUNBOOK_EXEC_CONTAINMENT: "process-group",
          RUNBOOK_EXEC_NO_LLM: "true",
        },
      },
    );
    expect(run.outputs["status"], run.stdout + run.stderr).toBe("succeeded");
    const ancestors = readFileSync(path.join(out, "ancestors.txt"), "utf8");
    const all = readFileSync(path.join(out, "all.txt"), "utf8");
    // The step did read the action's own environment: the layer under test, not a namespace.
    expect(ancestors).toContain(`GITHUB_WORKSPACE=${setup.workspace}`);
    expect(all).toContain(`GITHUB_WORKSPACE=${setup.workspace}`);
    for (const value of [...Object.values(secrets), artifacts?.runtimeToken ?? "unset"]) {
      expect(ancestors).not.toContain(value);
      expect(all).not.toContain(value);
    }
    expect(ancestors).not.toMatch(/^INPUT_/m);
    // The upload still had its token, held in memory since start-up.
    expect(artifacts?.artifacts).toHaveLength(1);
    expect(run.outputs["artifact-id"]).toBe("9000");
  }, 120_000);
});
