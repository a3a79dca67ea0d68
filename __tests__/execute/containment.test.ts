import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hostContainment } from "../../src/execute/containment.js";
import { runScript } from "../../src/execute/run-script.js";
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

const dirs: string[] = [];

/** A fresh PID_DIR, cleaned up after the test whatever happens. */
function pidDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) killAll(processesWithEnv("PID_DIR", dir));
});

describe("containment: nothing a step starts outlives it (invariant 10)", () => {
  for (const containment of containments()) {
    it(`${containment.mode}: a setsid double fork is dead once the step ends`, async () => {
      const dir = pidDir();
      const result = await runScript({
        ...COMMON,
        containment,
        env: baseEnv({ PID_DIR: dir }),
        ...bash(fixture("double-fork.sh")),
      });
      expect(result).toMatchObject({ exitCode: 0, stdoutHead: "forked\n" });
      await readPid(path.join(dir, "survivor"));
      expect(await stepGoneWithin(dir, 1_000), "the double-forked process survived").toBe(true);
    });

    it(`${containment.mode}: a setsid double fork is dead after a timeout`, async () => {
      const dir = pidDir();
      const result = await runScript({
        ...COMMON,
        containment,
        env: baseEnv({ PID_DIR: dir, HOLD: "1" }),
        ...bash(fixture("double-fork.sh")),
        timeoutMs: 1_500,
        killGraceMs: 300,
      });
      expect(result).toMatchObject({ timedOut: true, failed: true });
      await readPid(path.join(dir, "survivor"));
      expect(await stepGoneWithin(dir, 1_000), "the double-forked process survived").toBe(true);
    });

    it(`${containment.mode}: a setsid double fork is dead after a cancel (SIGTERM of the run)`, async () => {
      const dir = pidDir();
      const controller = new AbortController();
      const running = runScript({
        ...COMMON,
        containment,
        env: baseEnv({ PID_DIR: dir, HOLD: "1" }),
        ...bash(fixture("double-fork.sh")),
        signal: controller.signal,
      });
      await readPid(path.join(dir, "shell"));
      controller.abort();
      expect(await running).toMatchObject({ canceled: true, failed: true });
      expect(await stepGoneWithin(dir, 1_000), "the double-forked process survived").toBe(true);
    });

    it(`${containment.mode}: detach=true leaves the double fork running, on purpose`, async () => {
      const dir = pidDir();
      const result = await runScript({
        ...COMMON,
        containment,
        env: baseEnv({ PID_DIR: dir }),
        ...bash(fixture("double-fork.sh")),
        attributes: [{ key: "detach", value: "true" }],
      });
      expect(result.exitCode).toBe(0);
      expect(processesWithEnv("PID_DIR", dir).length).toBeGreaterThan(0);
    });
  }
});

const namespaced = hostContainment().mode !== "process-group";

describe.runIf(namespaced)("containment: a step cannot see the tool through /proc", () => {
  it("sees only its own processes: it is PID 1 and the tool's pid does not exist for it", async () => {
    const result = await runScript({
      ...COMMON,
      ...bash(
        `echo "$$"; ls /proc | grep -c '^[0-9]'; [ -e /proc/${process.pid}/environ ] && echo visible || echo hidden`,
      ),
    });
    const [self, count, tool] = result.stdoutHead.trim().split("\n");
    expect(self).toBe("1");
    // bash, ls, grep and the command substitution's subshell at most
    expect(Number(count)).toBeLessThanOrEqual(4);
    expect(process.pid === 1 || tool === "hidden").toBe(true);
    expect(readdirSync("/proc").length).toBeGreaterThan(10); // the host's /proc is untouched
  });
});

describe("descriptors: no descriptor of the tool is inherited by a step", () => {
  it("closes every inherited descriptor above fd 2 (each is /dev/null in the step)", async () => {
    const result = await runScript({
      ...COMMON,
      ...bash('for fd in /proc/self/fd/*; do echo "${fd##*/} $(readlink "$fd")"; done'),
    });
    const open = result.stdoutHead
      .trim()
      .split("\n")
      .map((line) => line.split(" "))
      .filter(([fd, target = ""]) => Number(fd) > 2 && target !== "" && target !== "/dev/null");
    // (the glob's own directory descriptor is closed by the time readlink runs: no target)
    expect(open).toEqual([]);
  });
});
