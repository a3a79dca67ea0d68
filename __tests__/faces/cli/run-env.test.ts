import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseEnv, cli, ofType, onlyLog, runbook, workDir } from "./run-harness.js";

async function runParams(vars: readonly string[]) {
  const cwd = workDir();
  const args = [
    "run",
    runbook("params.md"),
    "--no-llm",
    "--audit-log-dir",
    "logs",
    ...vars.flatMap((v) => ["--var", v]),
  ];
  return { ...(await cli(args, { cwd })), cwd };
}

describe("run: parameters and the child environment", () => {
  it("--var reaches the step as an environment variable; front-matter defaults apply", async () => {
    const { code, stdout, cwd } = await runParams(["TARGET=db-7"]);
    expect(code).toBe(0);
    expect(stdout).toContain("target=db-7 greeting=hello");
    expect(ofType(onlyLog(cwd), "run_start")[0]).toMatchObject({
      config: { run: { parameters: { TARGET: "db-7", GREETING: "hello" } } },
    });
  });

  it("--var is never pasted into the script text: shell syntax in a value stays data, and the step hash binds the value", async () => {
    const cwd = workDir();
    const pwned = path.join(cwd, "pwned");
    const hostile = await runParams([
      `TARGET=$(touch ${pwned}); \`touch ${pwned}\``,
      "GREETING=hi",
    ]);
    expect(hostile.code).toBe(0);
    expect(hostile.stdout).toContain(`target=$(touch ${pwned}); \`touch ${pwned}\` greeting=hi`);
    expect(existsSync(pwned)).toBe(false);
    const plain = await runParams(["TARGET=x"]);
    const again = await runParams(["TARGET=x"]);
    const hashOf = (dir: string): unknown => ofType(onlyLog(dir), "step_result")[0]?.["stepHash"];
    // An approval is for these exact values (invariant 12): other values, another hash.
    expect(hashOf(hostile.cwd)).not.toBe(hashOf(plain.cwd));
    expect(hashOf(plain.cwd)).toBe(hashOf(again.cwd));
  });

  it("a missing required parameter is exit 2 naming the file, the line and the fix", async () => {
    const { code, stderr, cwd } = await runParams([]);
    expect(code).toBe(2);
    expect(stderr).toContain("params.md:4: missing required parameter `TARGET`");
    expect(stderr).toContain("--var TARGET=VALUE");
    expect(existsSync(path.join(cwd, "logs"))).toBe(false);
  });

  it("an unknown parameter or a malformed --var is exit 2 with the declared names", async () => {
    const unknown = await runParams(["TARGET=x", "TARGTE=y"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown parameter `TARGTE`");
    expect(unknown.stderr).toContain("`TARGET`, `GREETING`");
    const malformed = await runParams(["TARGET"]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("is not KEY=VALUE");
  });

  it("invariant 5: the tool's secrets never reach the child; secret values never reach the log or the terminal", async () => {
    const cwd = workDir();
    const secrets = {
      ANTHROPIC_API_KEY: "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789",
      SLACK_BOT_TOKEN: "xoxb-1234567890-abcdefghijklmnop",
      RUNBOOK_EXEC_AUDIT_KEY: "audit-key-value-123456",
      BASH_ENV: "/tmp/never-sourced.sh",
      SERVICE_DB_PASSWORD: "hunter2-but-longer",
    };
    const { code, stdout } = await cli(
      ["run", runbook("env.md"), "--no-llm", "--audit-log-dir", "logs"],
      {
        cwd,
        env: baseEnv({ ...secrets, HARMLESS_SETTING: "visible-value" }),
      },
    );
    expect(code).toBe(0);
    const log = onlyLog(cwd);
    const output = JSON.stringify(ofType(log, "step_result")[0]?.["output"]);
    expect(output).toContain("HARMLESS_SETTING=visible-value");
    for (const name of [
      "ANTHROPIC_API_KEY",
      "SLACK_BOT_TOKEN",
      "RUNBOOK_EXEC_AUDIT_KEY",
      "BASH_ENV",
    ]) {
      expect(output).not.toContain(`${name}=`);
    }
    // not a tool secret, so the step gets it; its value is redacted everywhere it is shown
    expect(output).toContain("SERVICE_DB_PASSWORD=***");
    const logText = readFileSync(log, "utf8");
    for (const value of Object.values(secrets)) {
      expect(logText).not.toContain(value);
      expect(stdout).not.toContain(value);
    }
    expect(stdout).toContain("SERVICE_DB_PASSWORD=***");
  });
});
