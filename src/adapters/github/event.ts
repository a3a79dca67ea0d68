import { readFile } from "node:fs/promises";
import type { PullRequest } from "./ports.js";
import { RunbookExecError } from "../../core/errors.js";
import { parsePullRequestEvent } from "./payloads.js";

/** Events whose payload carries the pull request whose runbooks the action validates. */
export const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"] as const;

/**
 * The pull request behind this run, or `undefined` when the event is not a pull request
 * (push, schedule, workflow_dispatch…). Reads `GITHUB_EVENT_NAME` and `GITHUB_EVENT_PATH`.
 * @throws RunbookExecError when a pull request event's payload is missing or malformed.
 */
export async function readPullRequest(
  env: Readonly<Record<string, string | undefined>>,
): Promise<PullRequest | undefined> {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  if (!(PULL_REQUEST_EVENTS as readonly string[]).includes(name)) return undefined;
  const file = env["GITHUB_EVENT_PATH"];
  if (file === undefined || file === "") {
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      `GITHUB_EVENT_NAME is \`${name}\` but GITHUB_EVENT_PATH is not set; run the action inside a workflow.`,
    );
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new RunbookExecError("INPUT_UNREADABLE", "Cannot read the event payload.", {
      file,
      cause,
    });
  }
  const event = parsePullRequestEvent(text, file);
  return {
    owner: event.repository.owner.login,
    repo: event.repository.name,
    number: event.pull_request.number,
    baseSha: event.pull_request.base.sha,
    headSha: event.pull_request.head.sha,
    changedFiles: event.pull_request.changed_files,
  };
}
