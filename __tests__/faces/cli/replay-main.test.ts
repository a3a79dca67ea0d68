import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURE_KEY } from "../../fixtures/audit/sample-run.js";
import { run } from "./harness.js";

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "audit",
);

describe("replay through main()", () => {
  it("is registered, verifies a log and returns its exit code", async () => {
    const intact = await run(["replay", "intact.ndjson"], { cwd: fixtures });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("✓ INTACT");
    const tampered = await run(["replay", "deleted-line.ndjson", "--json"], { cwd: fixtures });
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout)).toMatchObject({ broken: { line: 7, reason: "seq_gap" } });
  });

  it("passes --expect-head and --key-env through", async () => {
    const result = await run(
      ["replay", "keyed.ndjson", "--key-env", "K", "--expect-head", "3:" + "0".repeat(64)],
      { cwd: fixtures, env: { K: FIXTURE_KEY } },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("head mismatch");
  });

  it("documents the exit codes in --help", async () => {
    const help = await run(["replay", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("3 chain intact but the run is incomplete");
  });

  it("rejects a missing LOG argument as a usage error", async () => {
    expect((await run(["replay"])).code).toBe(2);
  });
});
