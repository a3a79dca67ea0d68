// Above mcp_max_approval_level only Slack may approve: the MCP server's runs with Slack configured,
// the real Slack client against the fake Slack Web API on 127.0.0.1.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@modelcontextprotocol/client";
import { startFakeSlack, type FakeSlack, type FakeSlackMessage } from "../../helpers/fake-slack.js";
import { approveAll, connectInMemory, scratchRoot, testServer } from "./harness.js";

let scratch: ReturnType<typeof scratchRoot>;
let fake: FakeSlack;
let client: Client | undefined;

beforeEach(async () => {
  scratch = scratchRoot();
  mkdirSync(path.join(scratch.root, "runbooks", "scratch"));
  fake = await startFakeSlack({ users: [{ id: "UALICE01", name: "alice" }] });
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await fake.close();
  scratch.cleanUp();
});

async function slackServer() {
  return testServer(
    scratch.root,
    {},
    {
      SLACK_BOT_TOKEN: fake.token,
      SLACK_API_URL: fake.url,
      RUNBOOK_EXEC_SLACK_CHANNEL: "#ops-approvals",
      RUNBOOK_EXEC_SLACK_APPROVERS: "UALICE01",
      RUNBOOK_EXEC_SLACK_POLL_INTERVAL_SECONDS: "0.05",
      RUNBOOK_EXEC_SLACK_NOTIFY: "false",
    },
  );
}

async function approvalMessage(): Promise<FakeSlackMessage> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = fake.topLevel().find((message) => message.text.startsWith("Approval needed"));
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error("no approval request in Slack");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a destructive step with Slack configured", () => {
  it("is asked in Slack only (never the client), and runs once an allowed approver approves there", async () => {
    const server = await slackServer();
    const asked: string[] = [];
    client = await connectInMemory(server, {
      elicit: (message) => {
        asked.push(message);
        return approveAll(message);
      },
    });
    const call = client.callTool({
      name: "execute_runbook",
      arguments: { path: "runbooks/destructive.md", dry_run: false },
    });
    fake.react(await approvalMessage(), "white_check_mark", "UALICE01");
    const result = await call;
    expect(result.structuredContent).toMatchObject({
      status: "succeeded",
      steps: [{ status: "succeeded", approval: { decision: "approved", channel: "slack" } }],
    });
    expect(asked).toEqual([]);
    expect(existsSync(path.join(scratch.root, "runbooks", "scratch"))).toBe(false);
    const { auditLog } = result.structuredContent as { auditLog: { path: string } };
    expect(readFileSync(auditLog.path, "utf8")).toMatch(
      /"approver":"alice \(UALICE01\)","channel":"slack"/,
    );
  });

  it("a modifying step is within the cap: the client's answer approves it though Slack is there", async () => {
    const server = await slackServer();
    client = await connectInMemory(server, { elicit: approveAll });
    const result = await client.callTool({
      name: "execute_runbook",
      arguments: { path: "runbooks/mixed.md", dry_run: false },
    });
    expect(result.structuredContent).toMatchObject({
      status: "succeeded",
      steps: [{}, { approval: { decision: "approved", channel: "mcp" } }, {}],
    });
  });
});
