import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { baseEnv, cli, logs, onlyLog, runbook, spawnCli, workDir } from "./run-harness.js";

const RUN_FLAGS = ["--no-llm", "--audit-log-dir", "logs"] as const;

/** `runbook-exec ARGS` in-process, from `cwd`: for the variants of a case already spawned. */
async function inProcess(args: readonly string[], cwd: string) {
  return cli(args, { cwd, env: baseEnv({ NO_COLOR: "1" }) });
}

/** `runbook-exec ARGS` in a child process; its exit code and both streams. */
async function spawned(args: readonly string[], cwd: string) {
  const child = spawnCli(args, { cwd, env: baseEnv({ NO_COLOR: "1" }) });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  return { code, stdout, stderr };
}

/** A complete run of `success.md`, then `--resume` of its log: two logs linked by `previousLog`. */
async function resumedChain() {
  const cwd = workDir();
  const first = await cli(["run", runbook("success.md"), ...RUN_FLAGS], { cwd });
  expect(first.code, first.stderr).toBe(0);
  const oldLog = onlyLog(cwd);
  const second = await cli(["run", runbook("success.md"), ...RUN_FLAGS, "--resume", oldLog], {
    cwd,
  });
  expect(second.code, second.stderr).toBe(0);
  const newLog = logs(cwd).find((file) => file !== oldLog) ?? "";
  return { cwd, oldLog: path.relative(cwd, oldLog), newLog: path.relative(cwd, newLog) };
}

const linkShape = z.object({
  status: z.enum(["ok", "broken", "missing"]),
  to: z.string().nullable(),
  runId: z.string().nullable(),
  message: z.string(),
});
const setShape = z.object({
  schemaVersion: z.literal(1),
  status: z.string(),
  exitCode: z.number(),
  logs: z.array(z.object({ log: z.string(), status: z.string(), link: linkShape.nullable() })),
  unreadable: z.array(
    z.object({ log: z.string(), line: z.number().nullable(), message: z.string() }),
  ),
  chains: z.array(
    z.object({
      logs: z.array(z.string()),
      links: z.array(linkShape.nullable()),
      complete: z.boolean(),
    }),
  ),
});

describe("replay of a file that is not an audit log", () => {
  const cases: readonly [string, string | Buffer, RegExp][] = [
    ["Markdown", readFileSync(runbook("success.md")), /:1: not an audit log: .*line 1 is not JSON/],
    ["an empty file", "", /:1: not an audit log: the file is empty/],
    [
      "JSON that is not a record",
      '{"name":"runbook-exec","version":"1.0.0"}\n{"a":1}\n',
      /:1: not an audit log: .*line 1 is not an audit record: `v` is not 1/,
    ],
    ["a JSON array", "[1,2,3]\n", /:1: not an audit log: .*not a JSON object/],
    [
      "a binary file",
      Buffer.concat([Buffer.from([0, 0xff, 0xfe]), randomBytes(4096)]),
      /:1: not an audit log/,
    ],
  ];
  for (const [what, content, message] of cases) {
    it(`${what}: exit 2 naming the file and line, no tamper verdict`, async () => {
      const cwd = workDir();
      writeFileSync(path.join(cwd, "wrong.file"), content);
      for (const json of [[], ["--json"]]) {
        const run = json.length === 0 ? spawned : inProcess;
        const { code, stdout, stderr } = await run(["replay", "wrong.file", ...json], cwd);
        expect(code, stderr).toBe(2);
        expect(stderr).toMatch(new RegExp(`^runbook-exec replay: wrong\\.file${message.source}`));
        expect(stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(stdout).toBe("");
        expect(`${stdout}${stderr}`).not.toMatch(/TAMPERED|bad_json|bad_record/);
      }
    });
  }

  it("run --resume of a file that is not an audit log: exit 2, not an audit log", async () => {
    const cwd = workDir();
    const { code, stderr } = await spawned(
      ["run", runbook("success.md"), ...RUN_FLAGS, "--resume", runbook("success.md")],
      cwd,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("success.md:1: not an audit log");
  });

  it("a log whose first line was overwritten but whose other lines are records is tampered, not 'not a log'", async () => {
    const { cwd, oldLog } = await resumedChain();
    const lines = readFileSync(path.join(cwd, oldLog), "utf8").split("\n");
    writeFileSync(path.join(cwd, oldLog), ["# not json", ...lines.slice(1)].join("\n"));
    const { code, stdout } = await spawned(["replay", oldLog], cwd);
    expect(code).toBe(1);
    expect(stdout).toContain("✗ TAMPERED: first broken record at line 1");
  });
});

describe("replay of several logs and of a resumed chain", () => {
  it("verifies each log and the link between them, oldest first, exit 0", async () => {
    const { cwd, oldLog, newLog } = await resumedChain();
    // Given newest first, as a glob might list them: the chain is still shown oldest first.
    const { code, stdout, stderr } = await spawned(["replay", newLog, oldLog], cwd);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("chain 1 of 1: 2 logs, oldest first");
    expect(stdout.indexOf(`audit log ${oldLog}`)).toBeLessThan(
      stdout.indexOf(`audit log ${newLog}`),
    );
    expect(stdout).toMatch(
      new RegExp(
        `link +resumes \`${oldLog}\`, which holds the head \\d+:[0-9a-f]{64} the resume started from ✓`,
      ),
    );
    expect(stdout).toContain(`chain 1: ${oldLog} → ${newLog}: intact, the last run complete`);
    expect(stdout).toContain("✓ INTACT: 2 logs, every chain and link verified");

    const json = await inProcess(["replay", newLog, oldLog, "--json"], cwd);
    expect(json.code).toBe(0);
    const report = setShape.parse(JSON.parse(json.stdout));
    expect(report).toMatchObject({ status: "intact", exitCode: 0, unreadable: [] });
    expect(report.chains).toEqual([
      expect.objectContaining({ logs: [oldLog, newLog], complete: true }),
    ]);
    expect(report.chains[0]?.links[0]).toBeNull();
    expect(report.chains[0]?.links[1]).toMatchObject({ status: "ok", to: oldLog });
  });

  it("one resumed log alone: its own verdict as before, and the link said to be unchecked", async () => {
    const { cwd, newLog } = await resumedChain();
    const { code, stdout } = await spawned(["replay", newLog], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /link +resumes `.*\.ndjson` \(run [0-9a-f-]+\), which was not given: the link is not checked/,
    );
    const json = await inProcess(["replay", newLog, "--json"], cwd);
    const report = z.object({ log: z.string(), link: linkShape }).parse(JSON.parse(json.stdout));
    expect(report).toMatchObject({ log: newLog, link: { status: "missing", to: null } });
  });

  it("a non-resumed log alone keeps the one-log document, with `link: null`", async () => {
    const { cwd, oldLog } = await resumedChain();
    const json = await spawned(["replay", oldLog, "--json"], cwd);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ schemaVersion: 1, log: oldLog, link: null });
  });

  it("the earlier log cut short after the resume: the link is broken, exit 1", async () => {
    const { cwd, oldLog, newLog } = await resumedChain();
    const file = path.join(cwd, oldLog);
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    // Dropping run_end leaves an intact but incomplete log, which alone says exit 3: only the
    // link shows that the head the resume saw is gone.
    writeFileSync(file, `${lines.slice(0, -1).join("\n")}\n`);
    expect((await inProcess(["replay", oldLog], cwd)).code).toBe(3);
    const { code, stdout } = await spawned(["replay", oldLog, newLog], cwd);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /link +resumes run [0-9a-f-]+ at head \d+:[0-9a-f]{64}, but `.*` holds no such verified record.*✗ BROKEN LINK/,
    );
    expect(stdout).toContain("a link is BROKEN");
    expect(stdout).toContain("✗ TAMPERED: 2 logs");
  });

  it("an edited earlier log: that log is tampered and so is the chain, exit 1", async () => {
    const { cwd, oldLog, newLog } = await resumedChain();
    const file = path.join(cwd, oldLog);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("hello from step 1", "hello from step X"),
    );
    const json = await inProcess(["replay", oldLog, newLog, "--json"], cwd);
    expect(json.code).toBe(1);
    const report = setShape.parse(JSON.parse(json.stdout));
    expect(report.status).toBe("tampered");
    expect(report.logs.find((log) => log.log === oldLog)?.status).toBe("tampered");
  });

  it("an unreadable log among several: the others are still verified, exit 2", async () => {
    const { cwd, oldLog, newLog } = await resumedChain();
    writeFileSync(path.join(cwd, "notes.md"), "# notes\n");
    const { code, stdout, stderr } = await spawned(["replay", oldLog, "notes.md", newLog], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain("notes.md:1: not an audit log");
    expect(stdout).toContain("chain 1: ");
    expect(stdout).toContain("✗ UNREADABLE: 3 logs");
  });

  it("--expect-head names one log's head: with several logs it is a usage error", async () => {
    const { cwd, oldLog, newLog } = await resumedChain();
    const { code, stderr } = await inProcess(
      ["replay", oldLog, newLog, "--expect-head", `1:${"0".repeat(64)}`],
      cwd,
    );
    expect(code).toBe(2);
    expect(stderr).toContain("--expect-head checks one log");
  });
});
