import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, logs, ofType, onlyLog, runbook, startAtTerminal, workDir } from "./run-harness.js";

const PASSWORD = "hunter2hunter2";
const NOTE = "opaque-session-note-7731";

function args(...extra: string[]): string[] {
  return ["run", runbook("placeholders.md"), "--no-llm", "--audit-log-dir", "logs", ...extra];
}

/** Everything a run left behind that a person or a CI log could read. */
function everything(cwd: string, out: { stdout: string; stderr: string }): string {
  const logText = logs(cwd)
    .map((log) => readFileSync(log, "utf8"))
    .join("\n");
  return `${out.stdout}\n${out.stderr}\n${logText}`;
}

describe("run: placeholders become parameters", () => {
  it("a non-interactive run with unbound placeholders refuses to start and lists them", async () => {
    const cwd = workDir();
    const result = await cli(args(), { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required parameter");
    expect(result.stderr).toContain("`DB_PASSWORD` (declared without a default)");
    expect(result.stderr).toContain("`POD_NAME` (step 1)");
    expect(result.stderr).toContain("--var POD_NAME=VALUE");
    expect(logs(cwd)).toEqual([]);
  });

  it("the dry run shows the rewritten scripts and the values, secrets as ***", async () => {
    const cwd = workDir();
    const result = await cli(
      args("--dry-run", "--var", "POD_NAME=web-1", "--var", `DB_PASSWORD=${PASSWORD}`),
      { cwd },
    );
    expect(result.stdout).toContain(`printf 'pod=[%s] ns=[%s]\\n' "\${POD_NAME}" "\${NAMESPACE}"`);
    expect(result.stdout).toContain("POD_NAME=web-1");
    expect(result.stdout).toContain("NAMESPACE=prod");
    expect(result.stdout).toContain("DB_PASSWORD=***");
    expect(result.stdout).toContain("SESSION_NOTE=***");
    expect(result.stdout).toMatch(/Step 1 .*\n.*\n {2}Risk: {4}read_only/);
    const all = everything(cwd, result);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(NOTE);
    expect(ofType(onlyLog(cwd), "step_planned")[0]).toMatchObject({
      parameters: { POD_NAME: "web-1", NAMESPACE: "prod", DB_PASSWORD: "***", SESSION_NOTE: "***" },
    });
  });

  it("a live run passes hostile values as data, and no secret is in clear anywhere", async () => {
    const cwd = workDir();
    const pod = `x y'"; touch ${path.join(cwd, "pwned")}`;
    const result = await cli(
      args(
        "--auto-approve",
        "destructive",
        "--var",
        `POD_NAME=${pod}`,
        "--var",
        `DB_PASSWORD=${PASSWORD}`,
      ),
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`pod=[${pod}] ns=[prod]`);
    expect(readdirSync(cwd)).toEqual(["logs"]);
    const all = everything(cwd, result);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(NOTE);
    expect(ofType(onlyLog(cwd), "run_start")[0]).toMatchObject({
      config: {
        run: { parameters: { DB_PASSWORD: "***", SESSION_NOTE: "***", NAMESPACE: "prod" } },
      },
    });
  });

  it("an interactive run asks each missing value once, in declaration then first-use order, before step 1, without echoing secrets", async () => {
    const cwd = workDir();
    const { stdin, stdout, stderr, exit, settled } = startAtTerminal(
      args("--auto-approve", "destructive"),
      cwd,
    );
    const answers = [
      ["DB_PASSWORD: ", PASSWORD],
      ["POD_NAME: ", "web 2"],
    ] as const;
    for (const [prompt, answer] of answers) {
      while (!settled() && !stderr.text.includes(prompt))
        await new Promise((r) => setTimeout(r, 20));
      stdin.write(`${answer}\n`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const code = await exit;
    expect(code).toBe(0);
    expect(stderr.text).toContain("used by step 1: Describe the pod.");
    expect(stderr.text).toContain("the replica's password");
    expect(stderr.text).toContain("DB_PASSWORD (secret, not echoed)");
    expect(stdout.text).toContain("pod=[web 2] ns=[prod]");
    const all = everything(cwd, { stdout: stdout.text, stderr: stderr.text });
    expect(all).not.toContain(PASSWORD);
    expect(stderr.text.match(/POD_NAME: /g)?.length).toBe(1);
  });
});
