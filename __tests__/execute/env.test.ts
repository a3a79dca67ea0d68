import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildChildEnv } from "../../src/execute/env.js";
import { runScript } from "../../src/execute/run-script.js";
import { TOOL_SECRET_ENV_NAMES } from "../../src/redact/secret-env.js";
import { COMMON, FIXTURES, bash, fixture } from "./helpers.js";

const parentEnv = {
  PATH: process.env["PATH"],
  ANTHROPIC_API_KEY: "sk-ant-parent-secret",
  GITHUB_TOKEN: "ghp_parentsecret",
  SLACK_BOT_TOKEN: "xoxb-parent-secret",
  RUNBOOK_EXEC_AUDIT_KEY: "audit-key-secret",
  AWS_PROFILE: "prod-readonly",
  BASH_ENV: path.join(FIXTURES, "bash-env-hook.sh"),
  ENV: path.join(FIXTURES, "bash-env-hook.sh"),
  UNSET_IN_PARENT: undefined,
};

function report(env: Record<string, string>): Promise<string> {
  return runScript({ ...COMMON, ...bash(fixture("env-report.sh")), env }).then(
    (result) => result.stdoutHead,
  );
}

describe("buildChildEnv", () => {
  it("drops every tool secret and shell startup hook by default", () => {
    const env = buildChildEnv({ parentEnv, passEnv: [] });
    for (const name of [...TOOL_SECRET_ENV_NAMES, "BASH_ENV", "ENV"]) {
      expect(env, name).not.toHaveProperty(name);
    }
    expect(env["AWS_PROFILE"]).toBe("prod-readonly");
    expect(env).not.toHaveProperty("UNSET_IN_PARENT");
  });

  it("keeps a dropped name that pass_env lists, and only that one", () => {
    const env = buildChildEnv({ parentEnv, passEnv: ["GITHUB_TOKEN"] });
    expect(env["GITHUB_TOKEN"]).toBe("ghp_parentsecret");
    expect(env).not.toHaveProperty("ANTHROPIC_API_KEY");
  });

  it("lets step variables override the parent but not smuggle in a secret", () => {
    const env = buildChildEnv({
      parentEnv,
      passEnv: [],
      vars: { AWS_PROFILE: "staging", GITHUB_TOKEN: "from-vars" },
    });
    expect(env["AWS_PROFILE"]).toBe("staging");
    expect(env).not.toHaveProperty("GITHUB_TOKEN");
  });

  it("a real child sees no secrets and does not source BASH_ENV", async () => {
    const output = await report(
      buildChildEnv({ parentEnv, passEnv: [], vars: { STEP_PARAM: "42" } }),
    );
    expect(output).toBe(
      [
        "ANTHROPIC_API_KEY=<unset>",
        "GITHUB_TOKEN=<unset>",
        "SLACK_BOT_TOKEN=<unset>",
        "RUNBOOK_EXEC_AUDIT_KEY=<unset>",
        "AWS_PROFILE=prod-readonly",
        "STEP_PARAM=42",
        "HOOK=<not sourced>",
        "",
      ].join("\n"),
    );
  });

  it("shows that BASH_ENV would be sourced if it were not dropped", async () => {
    const output = await report(buildChildEnv({ parentEnv, passEnv: ["BASH_ENV"] }));
    expect(output).toContain("BASH_ENV HOOK RAN");
    expect(output).toContain("HOOK=yes");
  });
});
