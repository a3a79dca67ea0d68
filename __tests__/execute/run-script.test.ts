import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "../../src/execute/run-script.js";
import type { OutputStream } from "../../src/execute/types.js";
import { PROCESS_GROUP } from "../../src/execute/containment.js";
import { killAll, processesWithEnv } from "../helpers/processes.js";
import {
  baseEnv,
  bash,
  COMMON,
  containments,
  fixture,
  readPid,
  stepGoneWithin,
  tempDir,
} from "./helpers.js";

describe("runScript", () => {
  it("runs a script and records a flat result", async () => {
    const result = await runScript({ ...COMMON, ...bash(fixture("success.sh")) });
    expect(result).toMatchObject({
      exitCode: 0,
      signal: null,
      timedOut: false,
      canceled: false,
      failed: false,
      stdoutHead: "hello from stdout\n",
      stdoutTail: "",
      stderrHead: "hello from stderr\n",
      stdoutBytes: 18,
      stderrBytes: 18,
      truncated: false,
    });
    expect(result.spawnError).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("streams every chunk to onOutput with its stream", async () => {
    const seen: Record<OutputStream, string> = { stdout: "", stderr: "" };
    await runScript({
      ...COMMON,
      ...bash(fixture("success.sh")),
      onOutput: (chunk, stream) => (seen[stream] += chunk.toString("utf8")),
    });
    expect(seen).toEqual({ stdout: "hello from stdout\n", stderr: "hello from stderr\n" });
  });

  it("reports a non-zero exit code as failed", async () => {
    const result = await runScript({ ...COMMON, ...bash(fixture("exit-3.sh")) });
    expect(result).toMatchObject({ exitCode: 3, failed: true, stdoutHead: "before the failure\n" });
  });

  it("stops a multi-line bash script at the first failing line (errexit)", async () => {
    const result = await runScript({ ...COMMON, ...bash(fixture("errexit.sh")) });
    expect(result).toMatchObject({ exitCode: 1, failed: true, stdoutHead: "line 1\n" });
  });

  it("fails a pipeline whose first command fails (pipefail)", async () => {
    const result = await runScript({
      ...COMMON,
      ...bash(fixture("pipefail.sh")),
    });
    expect(result).toMatchObject({ exitCode: 1, failed: true, stdoutHead: "" });
  });

  it("fails `producer | head` on SIGPIPE under pipefail (the documented trade-off)", async () => {
    const result = await runScript({ ...COMMON, ...bash("yes | head -n 1") });
    expect(result).toMatchObject({ exitCode: 141, failed: true, stdoutHead: "y\n" });
  });

  it("gives sh errexit too", async () => {
    const result = await runScript({
      ...COMMON,
      interpreter: { program: "sh", args: ["-c"], scriptVia: "argument" },
      script: fixture("errexit.sh"),
    });
    expect(result).toMatchObject({ exitCode: 1, failed: true, stdoutHead: "line 1\n" });
  });

  it("starts the script as leader of its own session and process group (no namespace)", async () => {
    const result = await runScript({
      ...COMMON,
      containment: PROCESS_GROUP,
      ...bash('echo "$$ $(ps -o pgid= -p $$) $(ps -o sid= -p $$)"'),
    });
    const [pid, pgid, sid] = result.stdoutHead.trim().split(/\s+/);
    expect(pid).toMatch(/^\d+$/);
    expect([pgid, sid]).toEqual([pid, pid]);
  });

  it("runs with the given working directory", async () => {
    const cwd = tempDir();
    const result = await runScript({ ...COMMON, cwd, ...bash("pwd -P") });
    expect(result.stdoutHead.trim()).toBe(path.resolve(cwd));
  });

  it("gives the child /dev/null as stdin, so `cat` ends at once", async () => {
    const started = Date.now();
    const result = await runScript({
      ...COMMON,
      ...bash(fixture("read-stdin.sh")),
    });
    expect(result).toMatchObject({ exitCode: 0, stdoutHead: "stdin ended\n" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("feeds the script on stdin for scriptVia stdin, and nothing else", async () => {
    const result = await runScript({
      ...COMMON,
      interpreter: { program: "python3", args: ["-"], scriptVia: "stdin" },
      script: fixture("script-on-stdin.py"),
    });
    expect(result.stdoutHead).toBe(
      "python read its script from stdin\nstdin after the script: ''\n",
    );
  });

  it("reports a missing program as a spawn error, not an exception", async () => {
    const result = await runScript({
      ...COMMON,
      interpreter: { program: "no-such-interpreter-xyz", args: ["-c"], scriptVia: "argument" },
      script: "true",
    });
    expect(result).toMatchObject({ exitCode: null, failed: true });
    expect(result.spawnError).toMatch(/`no-such-interpreter-xyz`: not found on PATH/);
  });

  it("reports a NUL byte in the script as a spawn error instead of throwing", async () => {
    const result = await runScript({ ...COMMON, ...bash("echo a\u0000b") });
    expect(result).toMatchObject({ exitCode: null, failed: true });
    expect(result.spawnError).toMatch(/contains a NUL byte/);
  });

  it("treats a timeout beyond setTimeout's range as very long, not as immediate", async () => {
    const result = await runScript({
      ...COMMON,
      ...bash("sleep 0.2"),
      timeoutMs: 1e12,
    });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, failed: false });
  });

  it("names a missing working directory instead of blaming the program", async () => {
    const result = await runScript({
      ...COMMON,
      cwd: path.join(tempDir(), "missing"),
      ...bash("true"),
    });
    expect(result.spawnError).toMatch(/working directory `.*missing` does not exist/);
  });

  for (const containment of containments()) {
    // A namespace's init (here bash, running a pipeline) cannot receive SIGTERM: its children
    // die of it and bash exits 143 under errexit; without a namespace bash dies of SIGTERM.
    const ended =
      containment.mode === "process-group"
        ? { exitCode: null, signal: "SIGTERM" }
        : { exitCode: 143, signal: null };
    it(`${containment.mode}: kills the whole step on timeout, including a grandchild that ignores SIGTERM`, async () => {
      const dir = tempDir();
      const result = await runScript({
        ...COMMON,
        containment,
        env: baseEnv({ PID_DIR: dir }),
        ...bash(fixture("grandchild-timeout.sh")),
        timeoutMs: 500,
        killGraceMs: 300,
      });
      expect(result).toMatchObject({ timedOut: true, canceled: false, failed: true, ...ended });
      for (const name of ["shell", "grandchild"]) await readPid(path.join(dir, name));
      expect(await stepGoneWithin(dir, 2_000), "a process of the step survived").toBe(true);
      expect(result.durationMs).toBeLessThan(5_000);
    });
  }

  it("kills the group when the AbortSignal fires (SIGTERM mid-step)", async () => {
    const dir = tempDir();
    const controller = new AbortController();
    const running = runScript({
      ...COMMON,
      env: baseEnv({ PID_DIR: dir }),
      ...bash(fixture("sleep-long.sh")),
      signal: controller.signal,
    });
    await readPid(path.join(dir, "shell"));
    const abortedAt = Date.now();
    controller.abort();
    const result = await running;
    expect(Date.now() - abortedAt).toBeLessThan(2_000);
    expect(result).toMatchObject({ canceled: true, timedOut: false, failed: true });
    expect(result.stdoutHead).toBe("started\n");
    expect(await stepGoneWithin(dir, 2_000)).toBe(true);
  });

  for (const containment of containments()) {
    // `sleep 300` is bash's last command, so bash execs it: in a namespace that sleep is the
    // init, deaf to SIGTERM, and gets SIGKILL at once instead of after the grace.
    const signal = containment.mode === "process-group" ? "SIGTERM" : "SIGKILL";
    it(`${containment.mode}: returns as soon as the step is dead, without waiting out the grace`, async () => {
      const controller = new AbortController();
      const running = runScript({
        ...COMMON,
        containment,
        ...bash("sleep 300 &\nsleep 300"),
        cancelGraceMs: 5_000,
        signal: controller.signal,
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const abortedAt = Date.now();
      controller.abort();
      expect(await running).toMatchObject({ canceled: true, signal });
      expect(Date.now() - abortedAt).toBeLessThan(2_000);
    });
  }

  it("does not start anything when the signal is already aborted", async () => {
    const dir = tempDir();
    const controller = new AbortController();
    controller.abort();
    const result = await runScript({
      ...COMMON,
      env: baseEnv({ PID_DIR: dir }),
      ...bash(fixture("sleep-long.sh")),
      signal: controller.signal,
    });
    expect(result).toMatchObject({ canceled: true, failed: true, exitCode: null, stdoutBytes: 0 });
  });

  it("does not hang when a detached background process keeps the output pipe open", async () => {
    const dir = tempDir();
    const started = Date.now();
    const result = await runScript({
      ...COMMON,
      env: baseEnv({ PID_DIR: dir }),
      ...bash(fixture("background-holds-output.sh")),
      attributes: [{ key: "detach", value: "true" }],
    });
    expect(result).toMatchObject({ exitCode: 0, failed: false, stdoutHead: "main done\n" });
    expect(Date.now() - started).toBeLessThan(4_000);
    const left = processesWithEnv("PID_DIR", dir);
    expect(left.length, "detach=true leaves the background process running").toBeGreaterThan(0);
    killAll(left);
  });

  it("counts invalid UTF-8 bytes exactly and decodes them with U+FFFD", async () => {
    const result = await runScript({
      ...COMMON,
      ...bash(fixture("invalid-utf8.sh")),
    });
    expect(result.failed).toBe(false);
    expect(result.stdoutBytes).toBe(15);
    expect(result.stdoutHead).toBe("ok \uFFFD\uFFFD end\ncut \uFFFD");
  });

  it("keeps head and tail of 200 MB of output with bounded memory", async () => {
    const cap = 64 * 1024;
    const before = process.resourceUsage().maxRSS;
    const result = await runScript({
      ...COMMON,
      ...bash(fixture("big-output.sh")),
      timeoutMs: 60_000,
    });
    const growthKiB = process.resourceUsage().maxRSS - before;
    expect(result).toMatchObject({ exitCode: 0, stdoutBytes: 209_715_200, truncated: true });
    expect(result.stdoutHead).toBe("x".repeat(cap));
    expect(result.stdoutTail).toBe("x".repeat(cap));
    expect(growthKiB).toBeLessThan(100 * 1024);
  }, 60_000);
});
