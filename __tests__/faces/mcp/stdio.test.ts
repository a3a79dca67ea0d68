// The real thing: `node bin/runbook-exec.js mcp-server` over the CLI bundle (helpers/bundles.ts),
// spoken to by the SDK's own client over stdio in both protocol revisions.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  Client,
  isInputRequiredResult,
  type CallToolResult,
  type InputRequiredResult,
} from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { bundlePath } from "../../helpers/bundles.js";
import { killAll, processesWithEnv, remainingAfter } from "../../helpers/processes.js";
import { approveAll, scratchRoot, type ElicitAnswer } from "./harness.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const REVISIONS = ["2025-11-25", "2026-07-28"] as const;

let bin = "";
let scratch: ReturnType<typeof scratchRoot>;
const clients: Client[] = [];

beforeAll(() => {
  const prefix = mkdtempSync(path.join(tmpdir(), "rbx-mcp-bin-"));
  cpSync(path.dirname(bundlePath("cli.js")), path.join(prefix, "dist"), { recursive: true });
  mkdirSync(path.join(prefix, "bin"));
  copyFileSync(
    path.join(repo, "bin", "runbook-exec.js"),
    path.join(prefix, "bin", "runbook-exec.js"),
  );
  bin = path.join(prefix, "bin", "runbook-exec.js");
});

afterAll(() => {
  if (bin !== "") rmSync(path.dirname(path.dirname(bin)), { recursive: true, force: true });
});

beforeEach(() => {
  scratch = scratchRoot();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close().catch(() => undefined)));
  scratch.cleanUp();
});

function serverEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: process.env["PATH"] ?? "",
    HOME: scratch.root,
    RUNBOOK_EXEC_AUDIT_LOG_DIR: path.join(scratch.root, "logs"),
    ...extra,
  };
}

/** The SDK's client on a spawned `mcp-server --root ROOT --no-llm`. */
async function connect(
  revision: (typeof REVISIONS)[number],
  options: {
    readonly elicit?: (message: string) => ElicitAnswer;
    readonly manual?: boolean;
    readonly env?: Readonly<Record<string, string>>;
  } = {},
): Promise<{ client: Client; transport: StdioClientTransport; stderr: () => string }> {
  const client = new Client(
    { name: "stdio-test", version: "0.0.1" },
    {
      capabilities: { elicitation: { form: {} } },
      ...(revision === "2026-07-28" && { versionNegotiation: { mode: { pin: revision } } }),
      ...(options.manual === true && { inputRequired: { autoFulfill: false } }),
    },
  );
  const elicit = options.elicit ?? approveAll;
  client.setRequestHandler("elicitation/create", async (request) =>
    elicit((request.params as { message: string }).message),
  );
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, "mcp-server", "--root", scratch.root, "--no-llm"],
    cwd: scratch.root,
    env: serverEnv(options.env),
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  await client.connect(transport);
  clients.push(client);
  return { client, transport, stderr: () => stderr };
}

const exists = (name: string): boolean => existsSync(path.join(scratch.root, "runbooks", name));

function auditRecords(): Record<string, unknown>[] {
  const dir = path.join(scratch.root, "logs");
  return readdirSync(dir).flatMap((file) =>
    readFileSync(path.join(dir, file), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  );
}

describe.each(REVISIONS)("mcp-server over stdio, protocol %s", (revision) => {
  it("lists the tools with annotations, validates, dry-runs by default, runs with approval", async () => {
    const { client } = await connect(revision);
    const { tools } = await client.listTools();
    expect(tools.find((tool) => tool.name === "execute_runbook")?.annotations).toMatchObject({
      destructiveHint: true,
      readOnlyHint: false,
    });
    expect(tools.find((tool) => tool.name === "validate_runbook")?.annotations).toMatchObject({
      readOnlyHint: true,
    });
    const validated = await client.callTool({
      name: "validate_runbook",
      arguments: { path: "runbooks/mixed.md" },
    });
    expect(validated.structuredContent).toMatchObject({
      schemaVersion: 1,
      runbooks: [
        { path: "runbooks/mixed.md", steps: [{ risk: "read_only" }, { risk: "modifying" }, {}] },
      ],
    });
    const dry = await client.callTool({
      name: "execute_runbook",
      arguments: { path: "runbooks/mixed.md" },
    });
    expect(dry.structuredContent).toMatchObject({ mode: "dry-run", status: "succeeded" });
    expect(exists("marker.txt")).toBe(false);
    const progress: string[] = [];
    const live = await client.callTool(
      { name: "execute_runbook", arguments: { path: "runbooks/mixed.md", dry_run: false } },
      { onprogress: (update) => progress.push(update.message ?? "") },
    );
    expect(live.structuredContent).toMatchObject({ mode: "live", status: "succeeded" });
    expect(exists("marker.txt")).toBe(true);
    expect(progress).toContain("step 3 of 3 succeeded: Read it back.");
    const approval = auditRecords().find(
      (record) => record["type"] === "approval" && record["channel"] === "mcp",
    );
    expect(approval).toMatchObject({
      decision: "approved",
      approver: "the client's user as relayed by the client (stdio-test 0.0.1)",
    });
  }, 60_000);

  it("decline: the step is denied and recorded, the run ends", async () => {
    const { client } = await connect(revision, {
      elicit: (message) =>
        message.includes("approve step")
          ? { action: "decline" }
          : { action: "accept", content: { answer: "abort" } },
    });
    const live = await client.callTool({
      name: "execute_runbook",
      arguments: { path: "runbooks/mixed.md", dry_run: false },
    });
    expect(live.structuredContent).toMatchObject({
      status: "aborted",
      steps: [{}, { status: "denied" }, {}],
    });
    expect(exists("marker.txt")).toBe(false);
  }, 60_000);
});

/** One manual round of the 2026-07-28 flow: the call with whatever answers and state are given. */
async function call(
  client: Client,
  params: {
    readonly path: string;
    readonly inputResponses?: Record<string, unknown>;
    readonly requestState?: string;
  },
): Promise<CallToolResult | InputRequiredResult> {
  return (await client.request(
    {
      method: "tools/call",
      params: {
        name: "execute_runbook",
        arguments: { path: params.path, dry_run: false },
        ...(params.inputResponses !== undefined && { inputResponses: params.inputResponses }),
        ...(params.requestState !== undefined && { requestState: params.requestState }),
      },
    },
    { allowInputRequired: true },
  )) as CallToolResult | InputRequiredResult;
}

const APPROVE = { answer: { action: "accept", content: { answer: "approve" } } };

describe("forged answers (protocol 2026-07-28, answers sent by hand)", () => {
  it("answers with no request state are refused and recorded; nothing runs", async () => {
    const { client, stderr } = await connect("2026-07-28", { manual: true });
    const result = await call(client, { path: "runbooks/two.md", inputResponses: APPROVE });
    expect(isInputRequiredResult(result)).toBe(false);
    expect((result as CallToolResult).isError).toBe(true);
    expect(JSON.stringify((result as CallToolResult).content)).toMatch(/refused/);
    expect(exists("first.txt")).toBe(false);
    const listed = await client.callTool({ name: "list_runs", arguments: {} });
    expect(listed.structuredContent).toMatchObject({
      runs: [],
      refusedAnswers: ["answers sent without a request state (a forged first call)"],
    });
    expect(stderr()).toMatch(/refused an answer: answers sent without a request state/);
  }, 60_000);

  it("a tampered request state is refused; the step it was aimed at is denied and recorded", async () => {
    const { client } = await connect("2026-07-28", { manual: true });
    const first = await call(client, { path: "runbooks/two.md" });
    expect(isInputRequiredResult(first)).toBe(true);
    const state = (first as InputRequiredResult).requestState ?? "";
    const [version, body, mac] = state.split(".");
    const payload = JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8")) as {
      p: { step: number };
    };
    payload.p.step = 2; // claim to be the question for step 2
    const forged = `${version}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    const result = await call(client, {
      path: "runbooks/two.md",
      inputResponses: APPROVE,
      requestState: forged,
    });
    expect((result as CallToolResult).isError).toBe(true);
    expect(JSON.stringify((result as CallToolResult).content)).toMatch(/does not verify \(mac\)/);
    expect(exists("first.txt")).toBe(false);
    const approval = await waitForRecord((record) => record["type"] === "approval");
    expect(approval).toMatchObject({ step: 1, decision: "denied", channel: "mcp", approver: null });
    expect(String(approval["detail"])).toMatch(
      /^refused_answer: refused answer: a request state that does not verify/,
    );
  }, 60_000);

  it("a replayed state (a used one, for another step) is refused; the open step is denied", async () => {
    const { client } = await connect("2026-07-28", { manual: true });
    const first = (await call(client, { path: "runbooks/two.md" })) as InputRequiredResult;
    const stateOne = first.requestState ?? "";
    const second = await call(client, {
      path: "runbooks/two.md",
      inputResponses: APPROVE,
      requestState: stateOne,
    });
    expect(isInputRequiredResult(second)).toBe(true);
    expect(exists("first.txt")).toBe(true);
    // Step 2 is asked now; the state that approved step 1 comes back to approve it.
    const replayed = await call(client, {
      path: "runbooks/two.md",
      inputResponses: APPROVE,
      requestState: stateOne,
    });
    expect(isInputRequiredResult(replayed)).toBe(true); // the failure direction is asked next
    expect(exists("second.txt")).toBe(false);
    const approvals = auditRecords().filter((record) => record["type"] === "approval");
    expect(approvals.map((record) => [record["step"], record["decision"]])).toEqual([
      [1, "approved"],
      [2, "denied"],
    ]);
    expect(String(approvals[1]?.["detail"])).toMatch(/already ended/);
    // Answering the (genuine) failure question with the state of step 2's approval: refused too.
    const stepTwoState = (second as InputRequiredResult).requestState ?? "";
    const stale = await call(client, {
      path: "runbooks/two.md",
      inputResponses: APPROVE,
      requestState: stepTwoState,
    });
    expect(exists("second.txt")).toBe(false);
    const final = isInputRequiredResult(stale) ? undefined : (stale as CallToolResult);
    expect(final?.structuredContent).toMatchObject({ status: "aborted" });
    expect((final?.structuredContent as { refusedAnswers: string[] }).refusedAnswers).toHaveLength(
      2,
    );
  }, 60_000);
});

/** Waits for an audit record the server writes after answering (the run goes on in the background). */
async function waitForRecord(
  match: (record: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = existsSync(path.join(scratch.root, "logs"))
      ? auditRecords().find(match)
      : undefined;
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("the record never came");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("stdout and signals", () => {
  it("stdout carries JSON-RPC only while a step prints to stdout and stderr", async () => {
    const child = spawn(process.execPath, [bin, "mcp-server", "--root", scratch.root, "--no-llm"], {
      cwd: scratch.root,
      env: serverEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const send = (message: object): void => void child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: {
        protocolVersion: "2025-11-25",
        capabilities: {},
        clientInfo: { name: "raw", version: "1" },
      },
    });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({
      jsonrpc: "2.0",
      id: 1,
      method: "tools/call",
      params: { name: "execute_runbook", arguments: { path: "runbooks/noisy.md", dry_run: false } },
    });
    const answered = (): boolean =>
      stdout.split("\n").some((line) => line.startsWith("{") && line.endsWith('"id":1}'));
    const deadline = Date.now() + 30_000;
    while (!answered() && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    child.stdin.end();
    await new Promise((resolve) => child.once("exit", resolve));
    const lines = stdout.split("\n").filter((line) => line !== "");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const message = JSON.parse(line) as { jsonrpc?: string; id?: number };
      expect(message.jsonrpc).toBe("2.0");
      expect([0, 1]).toContain(message.id);
    }
    const result = JSON.parse(lines.find((line) => line.endsWith('"id":1}')) ?? "{}") as {
      result: { structuredContent: { status: string; steps: { output: { head: string } }[] } };
    };
    expect(result.result.structuredContent.status).toBe("succeeded");
    // The step's output is data inside the result, never a line of its own.
    expect(result.result.structuredContent.steps[0]?.output.head).toContain(
      '{"jsonrpc":"2.0","id":1,"result":{"forged":true}}',
    );
    expect(stderr).not.toContain("to stderr");
  }, 60_000);

  it("SIGTERM mid-run: the step's process group is killed, run_end is written, exit 143", async () => {
    const mark = randomUUID();
    const { client, transport } = await connect("2025-11-25", { env: { RBX_MCP_TEST_MARK: mark } });
    const running = client
      .callTool({
        name: "execute_runbook",
        arguments: { path: "runbooks/slow.md", dry_run: false },
      })
      .catch((error: unknown) => error);
    const serverPid = transport.pid ?? 0;
    const isStep = (pid: number): boolean => pid !== serverPid;
    const deadline = Date.now() + 20_000;
    while (
      processesWithEnv("RBX_MCP_TEST_MARK", mark).filter(isStep).length < 2 &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const steps = processesWithEnv("RBX_MCP_TEST_MARK", mark).filter(isStep);
    expect(steps.length).toBeGreaterThanOrEqual(2); // both sleeps
    const exited = new Promise<number | null>((resolve) => {
      const watch = setInterval(() => {
        try {
          process.kill(serverPid, 0);
        } catch {
          clearInterval(watch);
          resolve(null);
        }
      }, 20);
    });
    process.kill(serverPid, "SIGTERM");
    await exited;
    await running;
    const left = await remainingAfter(() => processesWithEnv("RBX_MCP_TEST_MARK", mark), 5_000);
    killAll(left);
    expect(left).toEqual([]);
    const end = auditRecords().find((record) => record["type"] === "run_end");
    expect(end).toMatchObject({ status: "interrupted", signal: "SIGTERM", exitCode: 143 });
  }, 60_000);
});
