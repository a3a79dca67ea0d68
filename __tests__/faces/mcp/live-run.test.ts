import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import {
  approveAll,
  connectInMemory,
  scratchRoot,
  testServer,
  type ElicitAnswer,
  type TestServer,
} from "./harness.js";

let scratch: ReturnType<typeof scratchRoot>;
let server: TestServer;
let client: Client | undefined;

beforeEach(async () => {
  scratch = scratchRoot();
  server = await testServer(scratch.root);
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  scratch.cleanUp();
});

interface StepShown {
  readonly index: number;
  readonly status: string;
  readonly detail: string | null;
  readonly exitCode: number | null;
  readonly approval: {
    decision: string | null;
    channel: string | null;
    approver: string | null;
  } | null;
  readonly output: { head: string } | null;
}

interface RunShown {
  readonly runId: string;
  readonly status: string | null;
  readonly state: string;
  readonly steps: readonly StepShown[];
  readonly auditLog: { path: string; head: string | null; verified: string };
  readonly notices: readonly string[];
}

async function live(file: string, elicit?: (message: string) => ElicitAnswer): Promise<RunShown> {
  client = await connectInMemory(server, elicit === undefined ? {} : { elicit });
  const result = await client.callTool({
    name: "execute_runbook",
    arguments: { path: `runbooks/${file}`, dry_run: false },
  });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result.structuredContent as unknown as RunShown;
}

/** The audit log's records, parsed. */
function records(run: RunShown): Record<string, unknown>[] {
  return readFileSync(run.auditLog.path, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const marker = (): boolean => existsSync(path.join(scratch.root, "runbooks", "marker.txt"));

describe("a live run with a client that can ask its user (elicitation)", () => {
  it("accept: the step runs; the record names channel mcp, the client and a relayed approver", async () => {
    const asked: string[] = [];
    const run = await live("mixed.md", (message) => {
      asked.push(message);
      return approveAll(message);
    });
    expect(run).toMatchObject({ state: "finished", status: "succeeded" });
    expect(run.steps.map((step) => step.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(marker()).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain("approve step 2 of 3?");
    expect(asked[0]).toContain("touch marker.txt");
    expect(asked[0]).toContain("Risk:    modifying");
    const approval = records(run).find(
      (record) => record["type"] === "approval" && record["step"] === 2,
    );
    expect(approval).toMatchObject({
      decision: "approved",
      channel: "mcp",
      approver: "the client's user as relayed by the client (test-client 1.2.3)",
    });
    expect(run.steps[0]?.output?.head).toContain("looking at the cache");
    expect(run.auditLog.verified).toBe("intact");
    expect(run.auditLog.head).toMatch(/^\d+:[0-9a-f]{64}$/);
  });

  it.each([
    ["decline", { action: "decline" } as const, "answered_no"],
    ["cancel", { action: "cancel" } as const, "dismissed"],
    ["answer deny", { action: "accept", content: { answer: "deny" } } as const, "answered_no"],
  ])(
    "%s: the step is denied and recorded; the failure direction is asked the same way",
    async (_name, answer, code) => {
      const asked: string[] = [];
      const run = await live("mixed.md", (message) => {
        asked.push(message);
        return message.includes("approve step")
          ? answer
          : { action: "accept", content: { answer: "abort" } };
      });
      expect(marker()).toBe(false);
      expect(run.status).toBe("aborted");
      expect(run.steps[1]).toMatchObject({ index: 2, status: "denied" });
      expect(asked).toHaveLength(2);
      expect(asked[1]).toMatch(/Step 2 of 3 denied/);
      const approval = records(run).find(
        (record) => record["type"] === "approval" && record["step"] === 2,
      );
      expect(approval).toMatchObject({ decision: "denied", channel: "mcp" });
      expect(String(approval?.["detail"])).toMatch(new RegExp(`^${code}`));
    },
  );

  it("a failure-direction answer of skip moves on to the next step", async () => {
    const run = await live("mixed.md", (message) =>
      message.includes("approve step")
        ? { action: "decline" }
        : { action: "accept", content: { answer: "skip" } },
    );
    expect(run.steps.map((step) => step.status)).toEqual(["succeeded", "skipped", "skipped"]);
    expect(run.steps[1]?.approval).toMatchObject({ decision: "denied", channel: "mcp" });
    // Step 3 ran and failed (its marker was never written), then the answer skipped it too.
    expect(run.steps[2]?.exitCode).not.toBe(0);
    expect(run.steps[2]?.detail).toMatch(/exit/);
  });

  it("a destructive step with only MCP available is denied without asking, and says how to approve it", async () => {
    const asked: string[] = [];
    const run = await live("destructive.md", (message) => {
      asked.push(message);
      return message.includes("approve step")
        ? { action: "accept", content: { answer: "approve" } }
        : { action: "accept", content: { answer: "abort" } };
    });
    expect(asked.some((message) => message.includes("approve step"))).toBe(false);
    expect(run.steps[0]).toMatchObject({ status: "denied" });
    expect(run.steps[0]?.detail).toMatch(
      /above `mcp_max_approval_level` \("modifying"\).*configure Slack.*runbook-exec run/,
    );
    const approval = records(run).find((record) => record["type"] === "approval");
    expect(approval).toMatchObject({ decision: "denied", channel: "mcp", approver: null });
    expect(String(approval?.["detail"])).toMatch(/^above_channel_cap/);
  });
});

describe("a live run with a client that cannot ask (no elicitation)", () => {
  it("runs read-only steps, denies the rest with how to approve, and aborts: never fails open", async () => {
    const run = await live("mixed.md");
    expect(marker()).toBe(false);
    expect(run.steps.map((step) => step.status)).toEqual(["succeeded", "denied", "skipped"]);
    expect(run.steps[1]?.detail).toMatch(
      /does not support elicitation.*Claude Code.*configure Slack/,
    );
    expect(run.status).toBe("aborted");
    const approval = records(run).find(
      (record) => record["type"] === "approval" && record["step"] === 2,
    );
    expect(approval).toMatchObject({ decision: "denied", channel: "mcp", approver: null });
    expect(String(approval?.["detail"])).toMatch(/^no_channel/);
  });
});

describe("mcp_max_approval_level", () => {
  it("read_only: even a modifying step cannot be approved by the client", async () => {
    server = await testServer(scratch.root, { mcpMaxApprovalLevel: "read_only" });
    const asked: string[] = [];
    const run = await live("mixed.md", (message) => {
      asked.push(message);
      return approveAll(message);
    });
    expect(asked.some((message) => message.includes("approve step"))).toBe(false);
    expect(marker()).toBe(false);
    expect(run.steps[1]?.status).toBe("denied");
  });
});

describe("progress and runs", () => {
  it("sends a progress notification per step when the call carries a progress token", async () => {
    client = await connectInMemory(server, { elicit: approveAll });
    const messages: string[] = [];
    await client.callTool(
      { name: "execute_runbook", arguments: { path: "runbooks/mixed.md", dry_run: false } },
      {
        onprogress: (progress) =>
          messages.push(`${progress.progress}/${progress.total}: ${progress.message}`),
      },
    );
    expect(messages).toContain("1/3: step 1 of 3 succeeded: Look at the cache directory.");
    expect(messages).toContain("3/3: step 3 of 3 succeeded: Read it back.");
  });

  it("get_run and list_runs show the run with its state", async () => {
    const run = await live("mixed.md", approveAll);
    const got = await client?.callTool({ name: "get_run", arguments: { run_id: run.runId } });
    expect(got?.structuredContent).toMatchObject({
      runId: run.runId,
      state: "finished",
      status: "succeeded",
    });
    const listed = await client?.callTool({ name: "list_runs", arguments: {} });
    expect(listed?.structuredContent).toMatchObject({
      runs: [{ runId: run.runId, mode: "live", runbook: "runbooks/mixed.md", state: "finished" }],
    });
    const missing = await client?.callTool({ name: "get_run", arguments: { run_id: "nope" } });
    expect(missing?.isError).toBe(true);
  });
});

describe("no answer: a timeout or a broken connection is a denial, recorded", () => {
  it("approval_timeout_seconds passes without an answer: timed out, recorded, the run aborts", async () => {
    server = await testServer(scratch.root, { approvalTimeoutSeconds: 1 });
    client = await connectInMemory(server, {
      elicit: () => new Promise<ElicitAnswer>(() => undefined),
    });
    // The client's own wait for the form ends too (the call's result says so); the run goes on.
    await client.callTool({
      name: "execute_runbook",
      arguments: { path: "runbooks/mixed.md", dry_run: false },
    });
    await server.handle.runs.settled();
    expect(marker()).toBe(false);
    const [only] = await server.handle.runs.all();
    expect(only).toMatchObject({ state: "finished", status: "aborted" });
    const approval = records(only as unknown as RunShown).find(
      (record) => record["type"] === "approval" && record["step"] === 2,
    );
    expect(approval).toMatchObject({ decision: "timed_out", channel: "mcp", approver: null });
  });

  it("the client disconnects while asked: denied, run_end written", async () => {
    let asked: () => void = () => undefined;
    const question = new Promise<void>((resolve) => (asked = resolve));
    client = await connectInMemory(server, {
      elicit: () => {
        asked();
        return new Promise<ElicitAnswer>(() => undefined);
      },
    });
    const call = client
      .callTool({
        name: "execute_runbook",
        arguments: { path: "runbooks/mixed.md", dry_run: false },
      })
      .catch((error: unknown) => error);
    await question;
    await client.close();
    client = undefined;
    await call;
    await server.handle.runs.settled();
    expect(marker()).toBe(false);
    const [only] = await server.handle.runs.all();
    expect(only).toMatchObject({ state: "finished", status: "aborted" });
    const logged = readFileSync(only?.auditLog.path ?? "", "utf8");
    expect(logged).toMatch(
      /"channel":"mcp","decidedAt":"[^"]+","decision":"denied","detail":"channel_error: the MCP connection closed"/,
    );
    expect(logged).toMatch(/"type":"run_end"/);
  });
});

describe("forged answers on a 2025-era connection", () => {
  const APPROVE = { answer: { action: "accept", content: { answer: "approve" } } };

  it.each([
    ["no request state", {}, /refused: answers count only with the request state/],
    [
      "a made-up request state",
      { requestState: "v1.e30.AAAA" },
      /refused: a request state that does not verify/,
    ],
  ])("answers with %s are refused; nothing runs", async (_name, extra, message) => {
    client = await connectInMemory(server, { elicit: approveAll });
    const result = (await client.request({
      method: "tools/call",
      params: {
        name: "execute_runbook",
        arguments: { path: "runbooks/mixed.md", dry_run: false },
        inputResponses: APPROVE,
        ...extra,
      },
    })) as { isError?: boolean; content: { text: string }[] };
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(message);
    expect(marker()).toBe(false);
    expect(existsSync(path.join(scratch.root, "logs"))).toBe(false);
    const listed = await client.callTool({ name: "list_runs", arguments: {} });
    expect(listed.structuredContent).toMatchObject({
      runs: [],
      refusedAnswers: [expect.any(String)],
    });
  });
});
