import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { groupAlive, killProcessGroup, terminateProcessGroup } from "../../src/execute/kill.js";

describe("process group primitives", () => {
  it("reports a running group as alive and a stopped one as gone", async () => {
    const child = spawn("sleep", ["300"], { detached: true, stdio: "ignore" });
    const pid = child.pid ?? 0;
    const exited = new Promise((resolve) => child.on("exit", resolve));
    expect(groupAlive(pid)).toBe(true);
    await terminateProcessGroup(pid, 1_000);
    await exited;
    expect(groupAlive(pid)).toBe(false);
    expect(killProcessGroup(pid, "SIGTERM")).toBe(false);
  });
});
