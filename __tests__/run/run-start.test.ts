import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { VERSION } from "../../src/core/version.js";
import { buildRunStart } from "../../src/run/run-start.js";

const input = (env: Record<string, string>) => ({
  runbook: { path: "/rb/x.md", sha256: "a".repeat(64), title: "X" },
  config: { ...DEFAULT_CONFIG, autoApproveLevel: "destructive" as const },
  flags: { forceLint: true, fromStep: 2, resume: null, parameters: { NS: "prod" } },
  incidentId: "INC-1",
  mode: "live" as const,
  previousLog: null,
  stepCount: 3,
  env,
  containment: "user-pid-namespace" as const,
});

describe("buildRunStart", () => {
  it("binds version, runbook, mode, the effective config with every key, and the run flags", () => {
    const start = buildRunStart(input({}));
    expect(start).toMatchObject({
      toolVersion: VERSION,
      runbook: { path: "/rb/x.md", title: "X" },
      incidentId: "INC-1",
      mode: "live",
      ci: null,
      stepCount: 3,
      containment: "user-pid-namespace",
      config: {
        autoApproveLevel: "destructive",
        slackChannel: null,
        run: { forceLint: true, fromStep: 2, resume: null, parameters: { NS: "prod" } },
      },
    });
    expect(typeof start.host).toBe("string");
    expect(typeof start.user).toBe("string");
  });

  it("records the GitHub Actions context when running in Actions", () => {
    const start = buildRunStart(
      input({
        GITHUB_ACTIONS: "true",
        GITHUB_REPOSITORY: "acme/ops",
        GITHUB_RUN_ID: "42",
        GITHUB_ACTOR: "octocat",
        GITHUB_EVENT_NAME: "workflow_dispatch",
      }),
    );
    expect(start.ci).toMatchObject({
      provider: "github-actions",
      repository: "acme/ops",
      runId: "42",
      actor: "octocat",
      event: "workflow_dispatch",
      sha: null,
    });
  });
});
