import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { killAll, processesWithEnv } from "../../helpers/processes.js";
import { baseEnv, ofType, onlyLog, runbook, workDir } from "./run-harness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/**
 * TIOCSTI from outside the terminal's session needs CAP_SYS_ADMIN (here: root) and
 * `dev.tty.legacy_tiocsti=1`; where the kernel forbids it, nothing can be injected and the
 * test has nothing to show, so it is skipped.
 */
function tiocstiAllowed(): boolean {
  try {
    const legacy = readFileSync("/proc/sys/dev/tty/legacy_tiocsti", "utf8").trim();
    return process.getuid?.() === 0 && legacy === "1";
  } catch {
    return false;
  }
}

/** Runs `name` in the CLI on a real pseudo-terminal; nobody types, step 1 injects `y⏎`. */
async function runOnPty(name: string) {
  const cwd = workDir();
  const mark = path.join(cwd, "mark");
  mkdirSync(mark);
  const tsx = path.join(root, "node_modules", "tsx", "dist", "esm", "index.mjs");
  const cli = [process.execPath, "--import", tsx, path.join(root, "src", "faces", "cli", "bin.ts")];
  const args = ["run", runbook(name), "--no-llm", "--audit-log-dir", "logs"];
  const vars = ["TTY={tty}", `INJECT=${runbook("inject.py")}`, `MARK=${mark}`];
  try {
    const { stdout } = await promisify(execFile)(
      "python3",
      [
        runbook("pty-run.py"),
        "40",
        ...cli,
        ...args,
        "--auto-approve",
        "modifying",
        ...vars.flatMap((v) => ["--var", v]),
      ],
      { cwd, env: baseEnv({ RUNBOOK_EXEC_APPROVAL_TIMEOUT_SECONDS: "4" }) },
    );
    return { output: stdout, cwd, mark };
  } finally {
    killAll(processesWithEnv("MARK", mark));
  }
}

describe.runIf(tiocstiAllowed())(
  "run: keystrokes injected into the operator's terminal (TIOCSTI)",
  () => {
    it("a process a step leaves behind dies with the step, and what it typed meanwhile is flushed: the destructive step is not approved", async () => {
      const run = await runOnPty("inject.md");
      expect(run.output).toContain("Approval needed: step 2");
      expect(existsSync(run.mark), run.output).toBe(true);
      expect(ofType(onlyLog(run.cwd), "approval")[1]).not.toMatchObject({ decision: "approved" });
    }, 60_000);

    it("even a detach=true process typing `y⏎` after the prompt cannot approve: a destructive step wants the code shown", async () => {
      const run = await runOnPty("inject-detached.md");
      expect(run.output).toContain("Destructive step: type ");
      expect(existsSync(run.mark), run.output).toBe(true);
      expect(ofType(onlyLog(run.cwd), "approval")[1]).toMatchObject({
        decision: "denied",
        detail: "wrong_code",
      });
    }, 60_000);
  },
);
