import { PassThrough } from "node:stream";
import { SlackApprovalProvider } from "../../src/adapters/slack/approval-provider.js";
import type { SlackApi } from "../../src/gate/slack-api.js";
import type { ApprovalRequest } from "../../src/gate/types.js";

/** A stream that claims to be a terminal, as `process.stdin` does in an interactive shell. */
export class FakeTty extends PassThrough {
  readonly isTTY = true;
  rawMode = false;
  setRawMode(mode: boolean): this {
    this.rawMode = mode;
    return this;
  }
}

/** Collects everything written to it as text. */
export class Sink extends PassThrough {
  text = "";
  constructor() {
    super();
    this.on("data", (chunk: Buffer) => (this.text += chunk.toString("utf8")));
  }
}

export const HASH = "a".repeat(64);

export function approvalRequest(overrides: Partial<ApprovalRequest["step"]> = {}): ApprovalRequest {
  return {
    runbookPath: "runbooks/disk-full.md",
    runbookTitle: "Disk full",
    stepHash: HASH,
    step: {
      index: 3,
      section: "Cleanup",
      text: "Clear the application cache.",
      risk: "destructive",
      riskSource: "rules",
      reasons: [{ ruleId: "RBC-rm-recursive", message: "`rm -rf` deletes files recursively" }],
      commands: [{ language: "bash", script: "rm -rf /var/cache/app/*\nsystemctl restart app\n" }],
      ...overrides,
    },
  };
}

/** Options with a live signal and a long timeout. */
export function approvalOptions(timeoutMs = 10_000): { signal: AbortSignal; timeoutMs: number } {
  return { signal: new AbortController().signal, timeoutMs };
}

/** The Slack channel the race tests ask: alice (UALICE01) may approve in C0APPROVE; polled every 15 ms. */
export function slackWithAlice(api: SlackApi): SlackApprovalProvider {
  return new SlackApprovalProvider({
    api,
    channel: "C0APPROVE",
    info: { runId: "r1", host: "h", user: "bob", requester: undefined, stepCount: 4 },
    approvers: ["UALICE01"],
    approverGroups: [],
    minApprovals: {},
    preventSelfApproval: true,
    pollIntervalMs: 15,
  });
}
