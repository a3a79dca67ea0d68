import type { QuestionRelay, RelayAnswer } from "./relay.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalRequest,
} from "./types.js";

/** The answer choices of an approval question: the form asks one thing. */
export const APPROVAL_CHOICES = ["approve", "deny"] as const;

/** Who relayed an answer: the client's own name and version, as it reported them. */
export interface RelayingClient {
  readonly name: string;
  readonly version: string;
}

/**
 * The approver a relayed answer names: the client cannot prove a person answered, so the record
 * says whose answer it claims to be and who relayed it (safety invariant 13).
 */
export function relayedApprover(client: RelayingClient): string {
  return `the client's user as relayed by the client (${client.name} ${client.version})`;
}

/**
 * Approval through a client that relays the question to its user (MCP elicitation). Every
 * answer other than "approve" on this question is a denial; the outcome is bound to the hash the
 * question carried (invariants 1 and 3).
 */
export class RelayedApprovalProvider implements ApprovalProvider {
  readonly channel = "mcp";

  constructor(
    private readonly relay: QuestionRelay,
    private readonly options: {
      readonly client: RelayingClient;
      /** The question's text, rendered by the face (runbook, step N of M, risk, scripts). */
      readonly render: (request: ApprovalRequest) => string;
    },
  ) {}

  async request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    const answer = await this.relay.ask(
      {
        kind: "approval",
        step: request.step.index,
        stepHash: request.stepHash,
        message: this.options.render(request),
        choices: [...APPROVAL_CHOICES],
      },
      options,
    );
    return outcomeOf(request, answer, this.options.client);
  }
}

function outcomeOf(
  request: ApprovalRequest,
  answer: RelayAnswer,
  client: RelayingClient,
): ApprovalOutcome {
  const approver = relayedApprover(client);
  const base = {
    channel: "mcp" as const,
    stepHash: request.stepHash,
    at: new Date().toISOString(),
  };
  const evidence = {
    approvers: [{ id: `mcp-client:${client.name}/${client.version}`, name: approver }],
    hashShown: request.stepHash,
  };
  switch (answer.kind) {
    case "chosen":
      return answer.choice === "approve"
        ? { ...base, decision: "approved", approver, reasonCode: "approved", evidence }
        : {
            ...base,
            decision: "denied",
            approver,
            reasonCode: "answered_no",
            detail: "denied in the MCP client",
            evidence,
          };
    case "declined":
      return {
        ...base,
        decision: "denied",
        approver,
        reasonCode: "answered_no",
        detail: "declined in the MCP client",
        evidence,
      };
    case "cancelled":
      return {
        ...base,
        decision: "denied",
        approver: undefined,
        reasonCode: "dismissed",
        detail: "the question was dismissed in the MCP client",
      };
    case "timed_out":
      return { ...base, decision: "timed_out", approver: undefined, reasonCode: "timeout" };
    case "closed":
      return {
        ...base,
        decision: "denied",
        approver: undefined,
        reasonCode: "channel_error",
        detail: answer.detail,
      };
    case "refused":
      return {
        ...base,
        decision: "denied",
        approver: undefined,
        reasonCode: "refused_answer",
        detail: answer.detail,
      };
  }
}
