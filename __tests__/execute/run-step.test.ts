import path from "node:path";
import { describe, expect, it } from "vitest";
import { runStep } from "../../src/execute/run-step.js";
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

describe("runStep", () => {
  it("runs every script in order into one transcript", async () => {
    const started: number[] = [];
    const result = await runStep({
      ...COMMON,
      scripts: [bash("echo one"), bash("echo two"), bash("echo three >&2")],
      onScriptStart: (index) => started.push(index),
    });
    expect(started).toEqual([1, 2, 3]);
    expect(result).toMatchObject({
      exitCode: 0,
      failed: false,
      failedScript: undefined,
      stdoutHead: "one\ntwo\n",
      stderrHead: "three\n",
      stdoutBytes: 8,
    });
    expect(result.scripts).toHaveLength(3);
  });

  it("stops at the first failing script and reports it", async () => {
    const result = await runStep({
      ...COMMON,
      scripts: [bash("echo one"), bash(fixture("exit-3.sh")), bash("echo never")],
    });
    expect(result).toMatchObject({ exitCode: 3, failed: true, failedScript: 2 });
    expect(result.stdoutHead).toBe("one\nbefore the failure\n");
    expect(result.scripts.map((script) => script.exitCode)).toEqual([0, 3]);
  });

  for (const containment of containments()) {
    // sleep-long.sh ends in `sleep 300`, which bash execs: in a namespace it is the init,
    // deaf to SIGTERM, so it ends by SIGKILL.
    const signal = containment.mode === "process-group" ? "SIGTERM" : "SIGKILL";
    it(`${containment.mode}: applies one timeout to the whole step`, async () => {
      const dir = tempDir();
      const started = Date.now();
      // The first script uses most of the budget (with a second of slack for a loaded
      // machine); a timeout per script would let the second run its own 2.5 s after it.
      const result = await runStep({
        ...COMMON,
        containment,
        env: baseEnv({ PID_DIR: dir }),
        timeoutMs: 2_500,
        killGraceMs: 200,
        scripts: [bash("sleep 1.5"), bash(fixture("sleep-long.sh")), bash("echo never")],
      });
      expect(result).toMatchObject({
        timedOut: true,
        failed: true,
        failedScript: 2,
        exitCode: null,
        signal,
      });
      expect(Date.now() - started).toBeLessThan(1_500 + 2_500);
      await readPid(path.join(dir, "shell"));
      expect(await stepGoneWithin(dir, 2_000)).toBe(true);
    });
  }

  it("carries a spawn error into the step record", async () => {
    const result = await runStep({
      ...COMMON,
      scripts: [
        {
          interpreter: { program: "no-such-shell-xyz", args: ["-c"], scriptVia: "argument" },
          script: "true",
        },
      ],
    });
    expect(result.failed).toBe(true);
    expect(result.spawnError).toMatch(/no-such-shell-xyz/);
  });

  it("reports a step without scripts as having run nothing, successfully", async () => {
    const result = await runStep({ ...COMMON, scripts: [] });
    expect(result).toMatchObject({
      exitCode: 0,
      failed: false,
      failedScript: undefined,
      stdoutBytes: 0,
    });
    expect(result.scripts).toEqual([]);
  });
});
