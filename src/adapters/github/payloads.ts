import { z } from "zod";
import type { ChangedFile } from "./ports.js";
import type { IssueComment, IssueRef } from "../../gate/github-api.js";
import { RunbookExecError } from "../../core/errors.js";
import { REPOSITORY_ROLES, lowerRole, type RepositoryRole } from "../../core/repository-role.js";

/**
 * Every parse of data GitHub hands the action (event payload, REST answers) happens here,
 * against a schema; the rest of the code sees only the typed result.
 */

/** The first schema issue of an answer of `what` as `INPUT_UNREADABLE`. */
function unexpected(what: string, error: z.ZodError): RunbookExecError {
  const issue = error.issues[0];
  return new RunbookExecError(
    "INPUT_UNREADABLE",
    `Unexpected ${what} from the GitHub API at \`${issue?.path.join(".") ?? ""}\`: ${issue?.message ?? "invalid"}.`,
  );
}

// A commit id only: it becomes a `git diff` argument, so nothing that could read as an option.
const sha = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a commit SHA");

const pullRequestEvent = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    base: z.object({ sha }),
    head: z.object({ sha }),
    changed_files: z.number().int().nonnegative().optional(),
  }),
  repository: z.object({ name: z.string().min(1), owner: z.object({ login: z.string().min(1) }) }),
});

/** The fields of a `pull_request` / `pull_request_target` payload the action uses. */
export type PullRequestEvent = z.infer<typeof pullRequestEvent>;

/**
 * Parse the event payload file's text.
 * @throws RunbookExecError (`INPUT_UNREADABLE`) naming the file and the first bad field.
 */
export function parsePullRequestEvent(text: string, file: string): PullRequestEvent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new RunbookExecError("INPUT_UNREADABLE", "The event payload is not JSON.", {
      file,
      cause,
    });
  }
  const parsed = pullRequestEvent.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? "" : ` at \`${issue.path.join(".")}\`: ${issue.message}`;
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      `The event payload is not a pull request event${where}.`,
      { file },
    );
  }
  return parsed.data;
}

const STATUSES = [
  "added",
  "modified",
  "removed",
  "renamed",
  "copied",
  "changed",
  "unchanged",
] as const;

const pullRequestFile = z.object({
  filename: z.string().min(1),
  status: z.enum(STATUSES),
  previous_filename: z.string().min(1).optional(),
});

/**
 * Parse one page's worth of `GET /repos/{owner}/{repo}/pulls/{n}/files` entries.
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when an entry does not match.
 */
export function parsePullRequestFiles(data: unknown): ChangedFile[] {
  const parsed = z.array(pullRequestFile).safeParse(data);
  if (!parsed.success) throw unexpected("pull request file list", parsed.error);
  return parsed.data.map((file) => ({
    path: file.filename,
    status: file.status,
    ...(file.previous_filename === undefined ? {} : { previousPath: file.previous_filename }),
  }));
}

const runApproval = z.object({
  state: z.string(),
  comment: z.string().nullable().optional(),
  environments: z.array(z.object({ id: z.number().optional(), name: z.string() })),
  user: z.object({ login: z.string().min(1), id: z.number() }).nullable(),
});

/** One review of a run's deployments, from `GET …/actions/runs/{run_id}/approvals`. */
export interface RunApproval {
  readonly state: string;
  readonly comment: string;
  readonly environments: readonly string[];
  readonly login: string;
  readonly userId: number;
}

/**
 * Parse the run's deployment reviews; a review without a user is dropped (nobody to record).
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match.
 */
export function parseRunApprovals(data: unknown): RunApproval[] {
  const parsed = z.array(runApproval).safeParse(data);
  if (!parsed.success) throw unexpected("run approvals", parsed.error);
  return parsed.data.flatMap((review) =>
    review.user === null
      ? []
      : [
          {
            state: review.state,
            comment: review.comment ?? "",
            environments: review.environments.map((environment) => environment.name),
            login: review.user.login,
            userId: review.user.id,
          },
        ],
  );
}

const permissionFlags = z.object({
  admin: z.boolean().optional(),
  maintain: z.boolean().optional(),
  push: z.boolean().optional(),
  triage: z.boolean().optional(),
  pull: z.boolean().optional(),
});

const collaboratorPermission = z.object({
  permission: z.string(),
  role_name: z.string().optional(),
  user: z.object({ permissions: permissionFlags.optional() }).nullable().optional(),
});

/** The highest base role `user.permissions` grants. */
function roleFromFlags(flags: z.infer<typeof permissionFlags>): RepositoryRole {
  if (flags.admin === true) return "admin";
  if (flags.maintain === true) return "maintain";
  if (flags.push === true) return "write";
  if (flags.triage === true) return "triage";
  if (flags.pull === true) return "read";
  return "none";
}

/** A known base role's name, or `undefined` (custom roles, unknown words). */
function knownRole(name: string | undefined): RepositoryRole | undefined {
  return REPOSITORY_ROLES.find((role) => role === name);
}

/**
 * Parse `GET /repos/{o}/{r}/collaborators/{user}/permission` into a role. `user.permissions` and
 * `role_name` are read (a custom `role_name` counts through `user.permissions`); when both are
 * there and disagree, the lower wins. The legacy `permission` field (which folds `maintain` into
 * `write` and `triage` into `read`) is used only when neither is there. `author_association` is
 * never read: it is not a permission.
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match.
 */
export function parseCollaboratorRole(data: unknown): RepositoryRole {
  const parsed = collaboratorPermission.safeParse(data);
  if (!parsed.success) throw unexpected("collaborator permission", parsed.error);
  const flags = parsed.data.user?.permissions;
  const candidates = [
    flags === undefined ? undefined : roleFromFlags(flags),
    knownRole(parsed.data.role_name),
  ].filter((role) => role !== undefined);
  const [first, ...rest] = candidates;
  if (first === undefined) return knownRole(parsed.data.permission) ?? "none";
  return rest.reduce(lowerRole, first);
}

const actor = z.object({ login: z.string().min(1), id: z.number().int(), type: z.string() });

const issueComment = z.object({
  id: z.number().int().positive(),
  body: z.string().nullable().optional(),
  user: actor.nullable(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  html_url: z.string(),
});

function toComment(comment: z.infer<typeof issueComment>): IssueComment {
  return {
    id: comment.id,
    body: comment.body ?? "",
    user: comment.user ?? undefined,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
    htmlUrl: comment.html_url,
  };
}

/**
 * Parse one issue comment (the answer to posting one).
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match.
 */
export function parseIssueComment(data: unknown): IssueComment {
  const parsed = issueComment.safeParse(data);
  if (!parsed.success) throw unexpected("issue comment", parsed.error);
  return toComment(parsed.data);
}

/**
 * Parse a page of `GET …/issues/{n}/comments`.
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when an entry does not match.
 */
export function parseIssueComments(data: unknown): IssueComment[] {
  const parsed = z.array(issueComment).safeParse(data);
  if (!parsed.success) throw unexpected("issue comments", parsed.error);
  return parsed.data.map(toComment);
}

const issue = z.object({ number: z.number().int().positive(), html_url: z.string() });

/**
 * Parse the answer to opening an issue.
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match.
 */
export function parseIssue(data: unknown): IssueRef {
  const parsed = issue.safeParse(data);
  if (!parsed.success) throw unexpected("issue", parsed.error);
  return { number: parsed.data.number, htmlUrl: parsed.data.html_url };
}

/**
 * Whether `GET /orgs/{org}/teams/{slug}/memberships/{user}` says the user is an active member
 * (a pending invitation is not membership).
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match.
 */
export function parseActiveMembership(data: unknown): boolean {
  const parsed = z.object({ state: z.string() }).safeParse(data);
  if (!parsed.success) throw unexpected("team membership", parsed.error);
  return parsed.data.state === "active";
}

const workflowRun = z.object({ status: z.string().nullable() });

/**
 * Whether `GET /repos/{o}/{r}/actions/runs/{run_id}` says the run is still going (any status
 * but `completed`).
 * @throws RunbookExecError (`INPUT_UNREADABLE`) when the answer does not match.
 */
export function parseWorkflowRunActive(data: unknown): boolean {
  const parsed = workflowRun.safeParse(data);
  if (!parsed.success) {
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      "Unexpected workflow run from the GitHub API: it has no `status`.",
    );
  }
  return parsed.data.status !== "completed";
}
