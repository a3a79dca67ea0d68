import { execFile, spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../../src/core/version.js";
import { FIXTURES } from "./harness.js";
import { bundlePath } from "../../helpers/bundles.js";
import { CORPUS_DIR, skipCorpus } from "../../helpers/corpus.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const exec = promisify(execFile);

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The installed layout, `bin/runbook-exec.js` importing `../dist/cli.js` (the dist/ under test,
 * helpers/bundles.ts), in a temporary directory out of reach of node_modules.
 */
function installBundle(): string {
  const prefix = mkdtempSync(path.join(tmpdir(), "rbx-cli-"));
  cpSync(path.dirname(bundlePath("cli.js")), path.join(prefix, "dist"), { recursive: true });
  mkdirSync(path.join(prefix, "bin"));
  copyFileSync(
    path.join(root, "bin", "runbook-exec.js"),
    path.join(prefix, "bin", "runbook-exec.js"),
  );
  return path.join(prefix, "bin", "runbook-exec.js");
}

describe("bin/runbook-exec.js over the bundle, as a real process", () => {
  let bin = "";
  beforeAll(() => {
    bin = installBundle();
  });
  afterAll(() => rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true }));

  async function cli(args: readonly string[]): Promise<Outcome> {
    const env = { PATH: process.env["PATH"] ?? "", RUNBOOK_EXEC_NO_LLM: "1" };
    try {
      const { stdout, stderr } = await exec(process.execPath, [bin, ...args], {
        cwd: FIXTURES,
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("prints its version", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("exits 0 on clean runbooks, classifying with the bundled shell parser, uncoloured on a pipe", async () => {
    const { code, stdout, stderr } = await cli(["validate", "runbooks/clean.md"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/ 1 +5 +Diagnosis +read_only +- +`df`/);
    expect(stdout).not.toContain("\u001b");
  });

  it("exits 1 on error findings", async () => {
    const { code, stdout } = await cli(["validate", "runbooks", "--format", "github"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error file=runbooks\/margin\.md,line=11,col=1,title=RB002 \(fence-at-margin\)::/m,
    );
  });

  it("exits 2 with one line on a missing input or a bad flag", async () => {
    const missing = await cli(["validate", "nope.md"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "runbook-exec: nope.md: no such file or directory; fix: check the path (relative paths start at the working directory)\n",
    );
    const flag = await cli(["validate", "--format", "yaml", "runbooks"]);
    expect(flag).toMatchObject({ code: 2, stdout: "" });
    expect(flag.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(skipCorpus)(
    "finishes with its real exit code, without a stack trace, when the reader stops early",
    async () => {
      // The corpus's text report is far larger than a pipe buffer, so writes fail with EPIPE.
      const corpus = CORPUS_DIR;
      const child = spawn(process.execPath, [bin, "validate", "runbooks"], {
        cwd: corpus,
        env: { PATH: process.env["PATH"] ?? "", RUNBOOK_EXEC_NO_LLM: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once("data", () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(stderr).toBe("");
      expect(code).toBe(1);
    },
  );
});
