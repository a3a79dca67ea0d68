import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { verifyAuditLog } from "../../src/audit/read-log.js";

const script = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "audit",
  "crash-writer.ts",
);
let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** Starts the writer child, waits for `acks` acknowledged records, then SIGKILLs it. */
function killWriterAfter(
  acks: number,
  logDir: string,
): Promise<{ logPath: string; lastAcked: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, logDir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let logPath = "";
    let lastAcked = 0;
    let buffered = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (logPath === "") logPath = line;
        else lastAcked = Number(line);
      }
      if (lastAcked >= acks && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      if (logPath === "") reject(new Error(`writer never started: ${stderr}`));
      else resolve({ logPath, lastAcked, signal });
    });
  });
}

describe("a writer killed with SIGKILL mid-run", () => {
  it("leaves a log that verifies as incomplete, not tampered, with every acknowledged record", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "audit-crash-"));
    const { logPath, lastAcked, signal } = await killWriterAfter(300, dir);
    expect(signal).toBe("SIGKILL");
    const result = await verifyAuditLog(logPath);
    expect(result.broken).toBeUndefined();
    expect(result.status).toBe("incomplete");
    expect(result.incomplete).toContain("no_run_end");
    expect(result.head?.seq).toBeGreaterThanOrEqual(lastAcked);
  });
});
