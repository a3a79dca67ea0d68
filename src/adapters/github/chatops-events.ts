import { readFile } from "node:fs/promises";
import { z } from "zod";
import { RunbookExecError } from "../../core/errors.js";

/**
 * The ChatOps events, read from the event payload file (`GITHUB_EVENT_PATH`) against schemas:
 * `issue_comment` and `repository_dispatch` (`event_type: runbook-run`). Comment bodies and
 * dispatch fields are untrusted data; nothing here interprets them beyond their types.
 */

const login = z.string().min(1).max(100);
const repository = z.object({
  name: z.string().min(1),
  owner: z.object({ login }),
  default_branch: z.string().min(1),
});

const issueCommentEvent = z.object({
  action: z.string(),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().nullable(),
    user: z.object({ login, type: z.string() }),
    html_url: z.string(),
  }),
  issue: z.object({
    number: z.number().int().positive(),
    html_url: z.string(),
    // Present (an object) when the issue is a pull request.
    pull_request: z.object({}).loose().nullable().optional(),
  }),
  repository,
});

/** The `client_payload` a `runbook-run` dispatch carries; unknown keys are refused (typos). */
const clientPayload = z.strictObject({
  runbook: z.string().min(1, "give the runbook's path").max(500),
  incident_id: z.string().max(64).optional(),
  dry_run: z.boolean().optional(),
  vars: z.record(z.string(), z.string().max(10_000)).optional(),
  issue_number: z.number().int().positive().optional(),
});

const dispatchEvent = z.object({
  action: z.string(),
  client_payload: z.unknown(),
  repository,
  sender: z.object({ login }),
});

/** Where an event happened. */
export interface EventRepository {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
}

/** A comment on an issue or a pull request. */
export interface CommentEvent {
  readonly kind: "comment";
  /** `created`, `edited`, `deleted`: only `created` is a command. */
  readonly action: string;
  readonly commentId: number;
  readonly body: string;
  readonly author: string;
  readonly authorType: string;
  readonly issueNumber: number;
  readonly issueUrl: string;
  readonly onPullRequest: boolean;
  readonly repository: EventRepository;
}

/** A `repository_dispatch` with `event_type: runbook-run`. */
export interface DispatchEvent {
  readonly kind: "dispatch";
  readonly runbook: string;
  readonly incidentId: string | undefined;
  readonly dryRun: boolean;
  readonly vars: Readonly<Record<string, string>>;
  /** The issue where approvals are asked and the status is shown, when the payload names one. */
  readonly issueNumber: number | undefined;
  readonly sender: string;
  readonly repository: EventRepository;
}

/** The `event_type` a ChatOps dispatch must carry. */
export const DISPATCH_EVENT_TYPE = "runbook-run";

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = [prefix, ...issue.path.map(String)].filter((part) => part !== "").join(".");
      return `\`${where === "" ? "(top level)" : where}\`: ${issue.message}`;
    })
    .join("; ");
}

function unreadable(message: string, file: string, cause?: unknown): RunbookExecError {
  return new RunbookExecError(
    "INPUT_UNREADABLE",
    message,
    cause === undefined ? { file } : { file, cause },
  );
}

function repositoryOf(data: z.infer<typeof repository>): EventRepository {
  return { owner: data.owner.login, repo: data.name, defaultBranch: data.default_branch };
}

/**
 * Parse the event payload file's text for `eventName` (`issue_comment` or `repository_dispatch`).
 * @throws RunbookExecError (`INPUT_UNREADABLE`) naming the file and the first bad fields, or
 *   (`USAGE`) for a dispatch whose `client_payload` does not match, saying what it must hold.
 */
export function parseChatOpsEvent(
  eventName: string,
  text: string,
  file: string,
): CommentEvent | DispatchEvent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw unreadable("The event payload is not JSON.", file, cause);
  }
  if (eventName === "issue_comment") {
    const parsed = issueCommentEvent.safeParse(data);
    if (!parsed.success) {
      throw unreadable(
        `The event payload is not an issue_comment event: ${describeIssues(parsed.error, "")}.`,
        file,
      );
    }
    const { comment, issue } = parsed.data;
    return {
      kind: "comment",
      action: parsed.data.action,
      commentId: comment.id,
      body: comment.body ?? "",
      author: comment.user.login,
      authorType: comment.user.type,
      issueNumber: issue.number,
      issueUrl: issue.html_url,
      onPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
      repository: repositoryOf(parsed.data.repository),
    };
  }
  if (eventName !== "repository_dispatch") {
    throw new RunbookExecError(
      "USAGE",
      `\`command: chatops\` runs on \`issue_comment\` and \`repository_dispatch\` events, not \`${eventName}\`.`,
    );
  }
  const parsed = dispatchEvent.safeParse(data);
  if (!parsed.success) {
    throw unreadable(
      `The event payload is not a repository_dispatch event: ${describeIssues(parsed.error, "")}.`,
      file,
    );
  }
  return dispatchOf(parsed.data);
}

function dispatchOf(data: z.infer<typeof dispatchEvent>): DispatchEvent {
  if (data.action !== DISPATCH_EVENT_TYPE) {
    throw new RunbookExecError(
      "USAGE",
      `repository_dispatch \`event_type\` is \`${data.action}\`; ChatOps runs only \`${DISPATCH_EVENT_TYPE}\`.`,
    );
  }
  const payload = clientPayload.safeParse(data.client_payload ?? {});
  if (!payload.success) {
    throw new RunbookExecError(
      "USAGE",
      `Malformed repository_dispatch \`client_payload\`: ${describeIssues(payload.error, "client_payload")}. ` +
        "Expected `{ runbook: string, incident_id?: string, dry_run?: boolean, " +
        "vars?: { NAME: string }, issue_number?: number }`.",
    );
  }
  const value = payload.data;
  return {
    kind: "dispatch",
    runbook: value.runbook,
    incidentId: value.incident_id,
    dryRun: value.dry_run ?? false,
    vars: value.vars ?? {},
    issueNumber: value.issue_number,
    sender: data.sender.login,
    repository: repositoryOf(data.repository),
  };
}

/**
 * The ChatOps event of this workflow run, from `GITHUB_EVENT_NAME` and the payload file at
 * `GITHUB_EVENT_PATH` (never from text pasted into a script).
 * @throws RunbookExecError when the file is missing, unreadable or does not match.
 */
export async function readChatOpsEvent(
  env: Readonly<Record<string, string | undefined>>,
): Promise<CommentEvent | DispatchEvent> {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  const file = env["GITHUB_EVENT_PATH"] ?? "";
  if (file === "") {
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      "GITHUB_EVENT_PATH is not set; run `command: chatops` inside a workflow.",
    );
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw unreadable("Cannot read the event payload.", file, cause);
  }
  return parseChatOpsEvent(name, text, file);
}
