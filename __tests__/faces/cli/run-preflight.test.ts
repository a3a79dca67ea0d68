import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseEnv, cli, logs, workDir } from "./run-harness.js";

/** A runbook whose first step leaves a file behind, so a test can tell whether anything ran. */
const RUNBOOK = `# Preflight

1. Leave a mark (no language: the default shell runs it).

   \`\`\`
   touch "$MARK"
   \`\`\`

2. Count.

   \`\`\`bash
   seq 1 2
   \`\`\`
`;

/** `run` with `config` as the config file and `extra` flags; nothing must run when it fails. */
async function runWith(config: string, extra: readonly string[] = [], env = baseEnv()) {
  const cwd = workDir();
  writeFileSync(path.join(cwd, "rb.md"), RUNBOOK);
  writeFileSync(path.join(cwd, "config.toml"), config);
  const mark = path.join(cwd, "mark");
  const argv = ["run", "rb.md", "--no-llm", "--config", "config.toml"];
  const result = await cli([...argv, "--audit-log-dir", "logs", ...extra], {
    cwd,
    env: { ...env, MARK: mark },
  });
  return { ...result, cwd, ran: existsSync(mark) };
}

describe("run: pre-flight checks before step 1 (exit 2, nothing runs, no log)", () => {
  it.each([
    [
      'default_shell = "fish"',
      '`default_shell = "fish"` runs `fish` (line 5), which is not installed (not found on PATH)',
    ],
    [
      'default_shell = "/bin/nonexistent"',
      '`default_shell = "/bin/nonexistent"` runs `/bin/nonexistent` (line 5), which is not installed (no executable file there)',
    ],
    [
      'working_directory = "/nonexistent"',
      '`working_directory = "/nonexistent"` does not exist; fix:',
    ],
    [
      'default_shell = "python3"',
      '`default_shell = "python3"` is not a POSIX shell, but it would run shell text',
    ],
    [
      '[interpreters]\nbash = "no-such-bash -s"',
      "`interpreters.bash` runs `no-such-bash` (line 11)",
    ],
  ])("%s", async (config, message) => {
    const { code, stderr, cwd, ran } = await runWith(`${config}\n`);
    expect(stderr).toContain(`runbook-exec: ${message}`);
    expect(stderr).toMatch(/fix: /);
    expect(code).toBe(2);
    expect(ran).toBe(false);
    expect(logs(cwd)).toEqual([]);
  });

  it("a working_directory that is a file is refused too", async () => {
    const { code, stderr, ran } = await runWith('working_directory = "rb.md"\n');
    expect(stderr).toContain("is not a directory");
    expect(code).toBe(2);
    expect(ran).toBe(false);
  });

  it("an --audit-log-dir under /proc is refused quickly instead of hanging in mkdir", async () => {
    const started = performance.now();
    const { code, stderr, ran } = await runWith("", ["--audit-log-dir", "/proc/rbx-nope/logs"]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(stderr).toContain(
      "the audit log directory `/proc/rbx-nope/logs` (`--audit-log-dir` / `audit_log_dir`) cannot be used: cannot create `/proc/rbx-nope`",
    );
    expect(code).toBe(2);
    expect(ran).toBe(false);
  });

  it("an --audit-log-dir below a regular file is refused", async () => {
    const { code, stderr } = await runWith("", ["--audit-log-dir", "rb.md/logs"]);
    expect(stderr).toMatch(/cannot be used: .*rb\.md` is not a directory/);
    expect(code).toBe(2);
  });

  it("passes a sound configuration and creates a missing audit directory, however deep", async () => {
    const { code, cwd, ran } = await runWith('default_shell = "sh"\n', [
      "--audit-log-dir",
      "a/b/c",
      "--auto-approve",
      "modifying",
    ]);
    expect(code).toBe(0);
    expect(ran).toBe(true);
    expect(existsSync(path.join(cwd, "a", "b", "c"))).toBe(true);
  });

  it("does not check programs on a dry run, which executes nothing", async () => {
    const dir = workDir();
    mkdirSync(path.join(dir, "empty"));
    const { code, ran } = await runWith('default_shell = "sh"\n', ["--dry-run"], {
      PATH: path.join(dir, "empty"),
    });
    expect(code).toBe(0);
    expect(ran).toBe(false);
  });
});
