import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { killAll, processesWithEnv, remainingAfter } from "../helpers/processes.js";
import { containments, FIXTURES, tempDir } from "./helpers.js";

const marks: string[] = [];
afterEach(() => {
  for (const mark of marks.splice(0)) killAll(processesWithEnv("GATE_MARK", mark));
});

describe("the gate: a step runs only once the watchdog holds it (invariants 4 and 10)", () => {
  for (const containment of containments()) {
    it(`${containment.mode}: runbook-exec SIGKILLed the instant after spawning a step: the step never runs, nothing is left`, async () => {
      const mark = randomBytes(8).toString("hex");
      marks.push(mark);
      const dir = tempDir();
      const host = spawn(
        process.execPath,
        ["--import", "tsx", path.join(FIXTURES, "gate-host.ts"), mark, dir, containment.mode],
        { stdio: ["ignore", "inherit", "inherit"] },
      );
      const signal = await new Promise((resolve) => host.once("exit", (_, s) => resolve(s)));
      expect(signal).toBe("SIGKILL");
      const left = await remainingAfter(() => processesWithEnv("GATE_MARK", mark), 2_000);
      expect(left, "a step outlived the tool").toEqual([]);
      expect(existsSync(path.join(dir, "ran")), "the step ran unguarded").toBe(false);
    });
  }
});
