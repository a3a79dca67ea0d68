// The public contracts over the example runbooks, pinned byte for byte: validate in every format,
// the dry run's plan and its audit log (run-specific values masked), and the exit codes.
// A change here is a change users see: regenerate with UPDATE_GOLDEN=1 only on purpose.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FakeStream } from "../faces/cli/harness.js";
import { main } from "../../src/faces/cli/main.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const GOLDEN = path.join(root, "__tests__", "fixtures", "contracts");
const EXAMPLES = ["disk-full", "k8s-crashloop", "postgres-connections", "rotate-leaked-credential"];
const VARS: Readonly<Record<string, readonly string[]>> = {
  "k8s-crashloop": ["--var", "NAMESPACE=web", "--var", "DEPLOYMENT=checkout"],
  "rotate-leaked-credential": ["--var", "LEAKED_KEY_ID=AKIAIOSFODNN7EXAMPLE"],
};

const scratch = mkdtempSync(path.join(tmpdir(), "rbx-contracts-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(argv: readonly string[]): Promise<string> {
  const stdout = new FakeStream(false);
  const stderr = new FakeStream(false);
  const code = await main({
    argv,
    cwd: root,
    env: { PATH: process.env["PATH"] ?? "", RUNBOOK_EXEC_CACHE_DIR: path.join(scratch, "cache") },
    stdout,
    stderr,
  });
  return `exit ${code}\n--- stdout\n${stdout.text}--- stderr\n${stderr.text}`;
}

function expectGolden(actual: string, name: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

/**
 * Values that differ from run to run or host to host (the containment mode depends on what the host
 * allows), masked so the rest of the record is compared exactly.
 */
const RUN_SPECIFIC = new Set([
  "ts",
  "runId",
  "hash",
  "prev",
  "host",
  "user",
  "durationMs",
  "startedAt",
]);

function maskLine(line: string): string {
  return JSON.stringify(JSON.parse(line), (key, value: unknown) =>
    RUN_SPECIFIC.has(key) ? `<${key}>` : value,
  );
}

describe("public contracts over examples/", () => {
  for (const format of ["json", "sarif", "github", "text"]) {
    it(`validate --format ${format}`, async () => {
      const files = EXAMPLES.map((name) => `examples/${name}.md`);
      expectGolden(
        await cli(["validate", ...files, "--no-llm", "--format", format]),
        `validate.${format}.txt`,
      );
    });
  }

  for (const name of EXAMPLES) {
    it(`run --dry-run ${name}: the plan, the exit code and the audit log`, async () => {
      const logs = path.join(scratch, name);
      const output = await cli([
        "run",
        `examples/${name}.md`,
        "--dry-run",
        "--no-llm",
        "--incident-id",
        "INC-1",
        "--audit-log-dir",
        logs,
        ...(VARS[name] ?? []),
      ]);
      const masked = output
        .replace(/-\d{8}T\d{6}Z-[0-9a-f]{4}\.ndjson/g, "-<stamp>.ndjson")
        .replace(/^audit head: (\d+):[0-9a-f]{64}$/gm, "audit head: $1:<hash>");
      const log = readdirSync(logs).map((file) =>
        readFileSync(path.join(logs, file), "utf8")
          .split("\n")
          .filter((line) => line !== "")
          .map(maskLine)
          .join("\n"),
      );
      const text = `${masked}\n--- audit log\n${log.join("\n")}\n`;
      expectGolden(
        text.replaceAll(logs, "<logs>").replaceAll(scratch, "<scratch>").replaceAll(root, "<root>"),
        `dry-run.${name}.txt`,
      );
    });
  }
});
