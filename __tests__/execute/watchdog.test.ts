import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killAll, processesWithEnv, remainingAfter } from "../helpers/processes.js";
import { FIXTURES } from "./helpers.js";

const marks: string[] = [];
afterEach(() => {
  for (const mark of marks.splice(0)) killAll(processesWithEnv("WATCHDOG_MARK", mark));
});

interface Pids {
  readonly first: number;
  readonly second: number;
  readonly third: number;
  readonly killed: number;
  readonly current: number;
}

describe("the run's watchdog: a dead runbook-exec takes its steps with it", () => {
  it("SIGKILLs every guarded group at the tool's death, after a restart too, and never a released one", async () => {
    const mark = randomBytes(8).toString("hex");
    marks.push(mark);
    const host = spawn(
      process.execPath,
      ["--import", "tsx", path.join(FIXTURES, "watchdog-host.ts"), mark],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    const pids = await new Promise<Pids>((resolve, reject) => {
      host.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("\n")) resolve(JSON.parse(out) as Pids);
      });
      host.once("exit", () => reject(new Error(`host exited early: ${out}`)));
    });
    expect(pids.current).not.toBe(pids.killed); // a new watchdog took over
    expect(processesWithEnv("WATCHDOG_MARK", mark).sort()).toEqual(
      [pids.first, pids.second, pids.third].sort(),
    );
    const exited = new Promise((resolve) => host.once("exit", resolve));
    host.kill("SIGKILL");
    await exited;
    const left = await remainingAfter(() => processesWithEnv("WATCHDOG_MARK", mark), 2_000);
    expect(left, "only the released group may outlive the tool").toEqual([pids.third]);
  });
});
