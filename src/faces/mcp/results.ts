import type { CallToolResult } from "@modelcontextprotocol/server";
import { RunbookExecError } from "../../core/errors.js";

/** A tool's answer: the structured document, and the same JSON as text for clients that want text. */
export function structured(document: Record<string, unknown>, text?: string): CallToolResult {
  return {
    content: [{ type: "text", text: text ?? `${JSON.stringify(document, null, 2)}\n` }],
    structuredContent: document,
  };
}

/** A refusal or an input problem the agent can act on: one sentence with the fix, no stack. */
export function failure(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/**
 * Runs a tool body; a {@link RunbookExecError} (unreadable runbook, path outside the root, bad
 * parameter…) becomes an error result naming the file and the fix. Anything else is a bug and is
 * reported as one, without a stack trace.
 */
export async function guarded<T>(
  body: () => Promise<T | CallToolResult>,
  log: (message: string) => void,
): Promise<T | CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RunbookExecError) return failure(error.describe());
    const message = error instanceof Error ? error.message : String(error);
    log(`internal error: ${message}`);
    return failure(`runbook-exec internal error: ${message.split("\n")[0] ?? ""} (this is a bug)`);
  }
}
