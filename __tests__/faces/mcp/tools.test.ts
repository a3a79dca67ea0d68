import { existsSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { main } from "../../../src/faces/cli/main.js";
import { FakeStream } from "../cli/harness.js";
import { connectInMemory, scratchRoot, testServer, type TestServer } from "./harness.js";

let scratch: ReturnType<typeof scratchRoot>;
let server: TestServer;
let client: Client;

beforeEach(async () => {
  scratch = scratchRoot();
  server = await testServer(scratch.root);
  client = await connectInMemory(server);
});

afterEach(async () => {
  await client.close();
  scratch.cleanUp();
});

/** The CLI's own output for the same input, run from the root. */
async function cli(argv: readonly string[]): Promise<unknown> {
  const stdout = new FakeStream();
  const stderr = new FakeStream();
  await main({
    argv,
    cwd: scratch.root,
    env: { PATH: process.env["PATH"] ?? "", HOME: scratch.root },
    stdout,
    stderr,
  });
  return JSON.parse(stdout.text) as unknown;
}

describe("MCP tools: list, schemas, annotations", () => {
  it("lists the six tools, each with input and output schemas and honest annotations", async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect([...byName.keys()].sort()).toEqual([
      "execute_runbook",
      "get_run",
      "list_runs",
      "plan_runbook",
      "replay_audit_log",
      "validate_runbook",
    ]);
    for (const tool of tools) {
      expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations?.destructiveHint, tool.name).toBe(tool.name === "execute_runbook");
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(tool.name !== "execute_runbook");
    }
    const execute = byName.get("execute_runbook");
    expect(execute?.inputSchema.properties?.["dry_run"]).toMatchObject({ default: true });
    // Nothing an agent could send approves, lowers a risk or raises the auto-approve level.
    const names = tools.flatMap((tool) => Object.keys(tool.inputSchema.properties ?? {}));
    for (const name of names) expect(name).not.toMatch(/approv|risk|level|auto|force|config/i);
  });

  it.each([
    ["validate_runbook", { path: "runbooks/mixed.md", approved: true }],
    ["execute_runbook", { path: "runbooks/mixed.md", dry_run: false, auto_approve: "destructive" }],
    ["plan_runbook", { path: "runbooks/mixed.md", risk: "read_only" }],
    ["list_runs", { all: true }],
  ])("%s rejects an unknown argument and runs nothing", async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/Unrecognized key/);
    expect(existsSync(path.join(scratch.root, "runbooks", "marker.txt"))).toBe(false);
    expect(existsSync(path.join(scratch.root, "logs"))).toBe(false);
  });
});

describe("validate_runbook and replay_audit_log: the CLI's JSON contracts", () => {
  it("validate_runbook returns exactly `validate --format json`", async () => {
    const result = await client.callTool({
      name: "validate_runbook",
      arguments: { path: "runbooks/mixed.md" },
    });
    expect(result.isError).toBeFalsy();
    const expected = await cli(["validate", "--format", "json", "--no-llm", "runbooks/mixed.md"]);
    expect(result.structuredContent).toEqual(expected);
    const text = (result.content as { text: string }[])[0]?.text ?? "";
    expect(JSON.parse(text)).toEqual(expected);
  });

  it("replay_audit_log returns exactly `replay --json`, for an intact and a tampered log", async () => {
    await client.callTool({ name: "execute_runbook", arguments: { path: "runbooks/mixed.md" } });
    const log = path.join("logs", readdirSync(path.join(scratch.root, "logs"))[0] ?? "");
    const intact = await client.callTool({ name: "replay_audit_log", arguments: { path: log } });
    expect(intact.structuredContent).toEqual(await cli(["replay", "--json", log]));
    expect(intact.structuredContent).toMatchObject({ status: "intact", exitCode: 0 });
    const file = path.join(scratch.root, log);
    writeFileSync(file, readFileSync(file, "utf8").replace("Cache check", "Cache chekc"));
    const tampered = await client.callTool({ name: "replay_audit_log", arguments: { path: log } });
    expect(tampered.structuredContent).toEqual(await cli(["replay", "--json", log]));
    expect(tampered.structuredContent).toMatchObject({ status: "tampered", exitCode: 1 });
  });
});

describe("plan_runbook and execute_runbook's dry run", () => {
  it("plans: scripts, risks, who may approve each step here, the plan hash; runs nothing", async () => {
    const result = await client.callTool({
      name: "plan_runbook",
      arguments: { path: "runbooks/mixed.md" },
    });
    const plan = result.structuredContent as {
      planHash: string;
      steps: { risk: string; needsApproval: boolean; approvedBy: string; commands: unknown[] }[];
    };
    expect(plan.planHash).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.steps.map((step) => [step.risk, step.approvedBy])).toEqual([
      ["read_only", "auto"],
      ["modifying", "mcp_client"],
      ["read_only", "auto"],
    ]);
    expect(plan.steps[1]?.commands).toEqual([
      { language: "bash", line: 11, script: "touch marker.txt" },
    ]);
    const destructive = await client.callTool({
      name: "plan_runbook",
      arguments: { path: "runbooks/destructive.md" },
    });
    expect(destructive.structuredContent).toMatchObject({ steps: [{ approvedBy: "nobody" }] });
    expect(existsSync(path.join(scratch.root, "logs"))).toBe(false);
  });

  it("execute_runbook without dry_run is a dry run: a dry-run log, every step skipped, nothing executed", async () => {
    const result = await client.callTool({
      name: "execute_runbook",
      arguments: { path: "runbooks/mixed.md" },
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      mode: "dry-run",
      state: "finished",
      status: "succeeded",
      auditLog: { verified: "intact" },
    });
    const { steps } = result.structuredContent as { steps: { status: string }[] };
    expect(steps.map((step) => step.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(existsSync(path.join(scratch.root, "runbooks", "marker.txt"))).toBe(false);
  });
});

describe("paths outside the root", () => {
  it.each([
    ["../outside.md"],
    ["/etc/passwd"],
    ["runbooks/../../outside.md"],
    ["runbooks/link-out.md"],
  ])("%s is refused by every tool that takes a path", async (input) => {
    const outside = path.join(
      path.dirname(scratch.root),
      `${path.basename(scratch.root)}-outside.md`,
    );
    writeFileSync(outside, "# Outside\n\n1. Step\n\n   ```bash\n   touch pwned\n   ```\n");
    symlinkSync(outside, path.join(scratch.root, "runbooks", "link-out.md"));
    try {
      for (const name of [
        "validate_runbook",
        "plan_runbook",
        "execute_runbook",
        "replay_audit_log",
      ]) {
        const args = name === "execute_runbook" ? { path: input, dry_run: false } : { path: input };
        const result = await client.callTool({ name, arguments: args });
        expect(result.isError, name).toBe(true);
        expect(JSON.stringify(result.content), name).toMatch(
          /outside the server's root|cannot be read under the root/,
        );
      }
    } finally {
      rmSync(outside, { force: true });
    }
    expect(existsSync(path.join(scratch.root, "logs"))).toBe(false);
  });
});
