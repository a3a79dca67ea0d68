// The MCP server under test: a scratch root holding the fixture runbooks, the server's context
// as `mcp-server --no-llm` builds it, and the SDK's own client connected in memory.
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client, type ClientOptions } from "@modelcontextprotocol/client";
import { InMemoryTransport } from "@modelcontextprotocol/server";
import { loadConfig, type ConfigOverrides } from "../../../src/config/load.js";
import type { McpContext } from "../../../src/faces/mcp/context.js";
import { createMcpServer, type McpServerHandle } from "../../../src/faces/mcp/server.js";
import { slackFactory } from "../../../src/faces/mcp/slack.js";
import { ALL_RULES } from "../../../src/lint/registry.js";
import type { RunSignal, SignalSource } from "../../../src/run/ports.js";

/** `__tests__/fixtures/mcp/`. */
export const MCP_FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "mcp",
);

/** A scratch root with the fixture runbooks in `runbooks/`; removed by `cleanUp`. */
export function scratchRoot(): { readonly root: string; cleanUp(): void } {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "rbx-mcp-")));
  cpSync(MCP_FIXTURES, path.join(root, "runbooks"), { recursive: true });
  return { root, cleanUp: () => rmSync(root, { recursive: true, force: true }) };
}

/** What an elicitation handler answers. */
export type ElicitAnswer =
  | { readonly action: "accept"; readonly content: Record<string, string> }
  | { readonly action: "decline" | "cancel" };

/** A test's server: its context, handle, signals it can raise, and what it logged. */
export interface TestServer {
  readonly context: McpContext;
  readonly handle: McpServerHandle;
  readonly logs: string[];
  raise(signal: RunSignal): void;
}

/** The server as `mcp-server --root ROOT --no-llm` builds it, with fake signals and log. */
export async function testServer(
  root: string,
  overrides: ConfigOverrides = {},
  env: Readonly<Record<string, string>> = {},
): Promise<TestServer> {
  const config = await loadConfig({
    cwd: root,
    env: { PATH: process.env["PATH"] ?? "", HOME: root, ...env },
    overrides: {
      noLlm: true,
      noLlmContext: true,
      auditLogDir: path.join(root, "logs"),
      ...overrides,
    },
    knownRules: ALL_RULES,
  });
  const logs: string[] = [];
  const handlers = new Set<(signal: RunSignal) => void>();
  const signals: SignalSource = (handler) => {
    handlers.add(handler);
    return () => handlers.delete(handler);
  };
  const context: McpContext = {
    root,
    config,
    env: { PATH: process.env["PATH"] ?? "", ...env },
    log: { write: (chunk: string) => logs.push(chunk) },
    riskModel: undefined,
    signals,
    slack: slackFactory(config, env, (message) => logs.push(message)),
    runEnded: () => undefined,
  };
  return {
    context,
    handle: createMcpServer(context),
    logs,
    raise: (signal) => handlers.forEach((handler) => handler(signal)),
  };
}

/** The SDK's client, connected in memory (2025-11-25: the in-memory pair is 2025-era only). */
export async function connectInMemory(
  server: TestServer,
  options: {
    readonly elicit?: (message: string) => ElicitAnswer | Promise<ElicitAnswer>;
    readonly clientOptions?: ClientOptions;
  } = {},
): Promise<Client> {
  const client = new Client(
    { name: "test-client", version: "1.2.3" },
    {
      capabilities: options.elicit === undefined ? {} : { elicitation: { form: {} } },
      ...options.clientOptions,
    },
  );
  const { elicit } = options;
  if (elicit !== undefined) {
    client.setRequestHandler("elicitation/create", async (request) => {
      const params = request.params as { message: string };
      return elicit(params.message);
    });
  }
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.handle.server.connect(serverSide);
  await client.connect(clientSide);
  return client;
}

/** Approves every approval question and aborts after any failure. */
export const approveAll = (message: string): ElicitAnswer =>
  message.includes("approve step")
    ? { action: "accept", content: { answer: "approve" } }
    : { action: "accept", content: { answer: "abort" } };
