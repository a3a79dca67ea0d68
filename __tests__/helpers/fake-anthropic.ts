/**
 * A fake Messages API on 127.0.0.1 speaking the real wire format, for the real SDK client to talk
 * to: `tool_use` content blocks, `stop_reason`, `usage`, `{ type: "error", error: { type, message } }`
 * bodies, `retry-after` headers, 529 overloaded, and connections that never answer.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { z } from "zod";
import { listenOnLoopback } from "./loopback.js";

/** The parts of a Messages request the tests look at. */
const requestBody = z.object({
  model: z.string(),
  max_tokens: z.number(),
  system: z.string(),
  messages: z.array(z.object({ role: z.literal("user"), content: z.string() })).length(1),
  tools: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      input_schema: z.record(z.string(), z.unknown()),
    }),
  ),
  tool_choice: z.object({ type: z.string(), name: z.string() }),
});
export type MessagesBody = z.infer<typeof requestBody>;

/** One request as the fake saw it. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw JSON body. */
  readonly json: Readonly<Record<string, unknown>>;
  readonly body: MessagesBody;
  /** The user prompt. */
  readonly prompt: string;
  readonly receivedAt: number;
}

/** How the fake answers one request. */
export type FakeReply =
  | {
      readonly kind: "tool";
      readonly input: unknown;
      readonly name?: string;
      readonly delayMs?: number;
    }
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "error";
      readonly status: number;
      readonly type: string;
      readonly message: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: "hang" };

/** Decides the reply to the `count`-th request (1-based). */
export type FakeHandler = (request: FakeRequest, count: number) => FakeReply;

export interface FakeAnthropic {
  /** Base URL for `ANTHROPIC_BASE_URL`. */
  readonly url: string;
  readonly requests: readonly FakeRequest[];
  /** Most requests the fake held open at the same time. */
  readonly maxConcurrent: number;
  close(): Promise<void>;
}

const SAMPLING = ["temperature", "top_p", "top_k"] as const;

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeAnthropic(handler: FakeHandler): Promise<FakeAnthropic> {
  const requests: FakeRequest[] = [];
  let active = 0;
  let maxConcurrent = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const json: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      const record = z.record(z.string(), z.unknown()).parse(json);
      if (req.headers.authorization === undefined && req.headers["x-api-key"] === undefined) {
        sendError(res, 401, "authentication_error", "x-api-key header is required");
        return;
      }
      // API version 2026-10-21 rejects sampling parameters outright.
      const sampling = SAMPLING.find((name) => name in record);
      if (sampling !== undefined) {
        sendError(res, 400, "invalid_request_error", `${sampling}: Extra inputs are not permitted`);
        return;
      }
      const body = requestBody.safeParse(record);
      if (!body.success) {
        sendError(
          res,
          400,
          "invalid_request_error",
          body.error.issues[0]?.message ?? "invalid request",
        );
        return;
      }
      const request: FakeRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        json: record,
        body: body.data,
        prompt: body.data.messages[0]?.content ?? "",
        receivedAt: Date.now(),
      };
      requests.push(request);
      active += 1;
      maxConcurrent = Math.max(maxConcurrent, active);
      res.on("close", () => {
        active -= 1;
      });
      reply(res, request, handler(request, requests.length));
    });
  });
  const loopback = await listenOnLoopback(server);

  return {
    url: `http://127.0.0.1:${loopback.port}`,
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
    close: () => loopback.close(),
  };
}

function reply(res: ServerResponse, request: FakeRequest, answer: FakeReply): void {
  switch (answer.kind) {
    case "hang":
      return;
    case "error":
      sendError(res, answer.status, answer.type, answer.message, answer.headers);
      return;
    case "text":
      setTimeout(
        () => sendMessage(res, request, [{ type: "text", text: answer.text }], "end_turn"),
        0,
      );
      return;
    case "tool": {
      const block = {
        type: "tool_use",
        id: `toolu_${randomBytes(12).toString("hex")}`,
        name: answer.name ?? request.body.tool_choice.name,
        input: answer.input,
      };
      setTimeout(() => sendMessage(res, request, [block], "tool_use"), answer.delayMs ?? 0);
      return;
    }
  }
}

function sendMessage(
  res: ServerResponse,
  request: FakeRequest,
  content: readonly object[],
  stopReason: string,
): void {
  if (res.destroyed) return;
  const message = {
    id: `msg_${randomBytes(12).toString("hex")}`,
    type: "message",
    role: "assistant",
    model: request.body.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: Math.ceil(request.prompt.length / 4), output_tokens: 50 },
  };
  res.writeHead(200, {
    "content-type": "application/json",
    "request-id": `req_${randomBytes(8).toString("hex")}`,
  });
  res.end(JSON.stringify(message));
}

function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "request-id": `req_${randomBytes(8).toString("hex")}`,
    ...headers,
  });
  res.end(JSON.stringify({ type: "error", error: { type, message } }));
}

/** One step as the classification prompt carries it. */
export interface PromptedStep {
  readonly index: number;
  readonly section: string;
  readonly text: string;
  readonly commands: readonly { readonly language: string; readonly script: string }[];
  readonly rules: {
    readonly risk: string;
    readonly floor: string;
    readonly reasons: readonly string[];
  };
}

const promptedStep = z.object({
  section: z.string(),
  text: z.string(),
  commands: z.array(z.object({ language: z.string(), script: z.string() })),
  rules: z.object({ risk: z.string(), floor: z.string(), reasons: z.array(z.string()) }),
});

/** The steps of a classification prompt: each `Step N` line and the JSON line after it. */
export function promptedSteps(prompt: string): PromptedStep[] {
  const lines = prompt.split("\n");
  const steps: PromptedStep[] = [];
  for (const [position, line] of lines.entries()) {
    const match = /^Step (\d+)$/.exec(line);
    if (match?.[1] === undefined) continue;
    const data = promptedStep.parse(JSON.parse(lines[position + 1] ?? "null"));
    steps.push({ index: Number(match[1]), ...data });
  }
  return steps;
}

/** A handler that answers every prompted step with `level(step)`, after `delayMs`. */
export function classifyEvery(level: (step: PromptedStep) => string, delayMs = 0): FakeHandler {
  return (request) => ({
    kind: "tool",
    delayMs,
    input: {
      steps: promptedSteps(request.prompt).map((step) => ({
        index: step.index,
        risk_level: level(step),
        reasoning: `step ${step.index} judged ${level(step)}`,
      })),
    },
  });
}
