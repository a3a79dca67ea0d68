import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, readPid, stepGoneWithin, tempDir } from "./helpers.js";

describe("SIGTERM during a step", () => {
  it("kills the step's whole group and lets the process exit 143 within 2 seconds", async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(FIXTURES, "abort-on-sigterm.ts")],
      {
        env: { ...process.env, PID_DIR: dir },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    await readPid(path.join(dir, "grandchild"), 20_000);
    await readPid(path.join(dir, "shell"));
    const sentAt = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect(Date.now() - sentAt).toBeLessThan(2_000);
    expect(JSON.parse(stdout)).toMatchObject({ canceled: true, failed: true });
    expect(await stepGoneWithin(dir, 1_000)).toBe(true);
  });
});
