// End to end: `command: chatops` of the bundled action (node dist/index.js), started by
// `issue_comment` and `repository_dispatch` payloads as the runner would, against the fake GitHub
// API (issues, comments, reactions, permissions) and the fake artifact service on 127.0.0.1.
// The test plays the people in the thread.
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeArtifacts, type FakeArtifacts } from "../../helpers/fake-artifacts.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";
import type { FakeComment, FakeUser } from "../../helpers/fake-github-issues.js";
import { buildActionBundle, runDist, type DistRun } from "./dist-harness.js";

const RUN_ID = 91;
const ISSUE = 7;
const ALICE: FakeUser = { login: "alice", id: 11 };
const RITA: FakeUser = { login: "rita", id: 12 };

let bundle = "";
let github: FakeGitHub | undefined;
let artifacts: FakeArtifacts | undefined;

beforeAll(async () => {
  bundle = await buildActionBundle();
}, 600_000);

afterEach(async () => {
  await github?.close();
  await artifacts?.close();
  github = undefined;
  artifacts = undefined;
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      PATH: process.env["PATH"] ?? "",
      HOME: cwd,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

interface Repo {
  readonly dir: string;
  readonly workspace: string;
  readonly main: string;
  marker(name: string): string;
}

/** A git repository on `main` whose runbooks are `files` (path → text with `MARK` replaced). */
function repository(files: Readonly<Record<string, string>>): Repo {
  const dir = mkdtempSync(path.join(tmpdir(), "rbx-chatops-"));
  const workspace = path.join(dir, "repo");
  const marker = (name: string): string => path.join(dir, `${name}.marker`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text.replaceAll("MARK", path.join(dir, "")));
  }
  git(workspace, "init", "-q", "-b", "main");
  git(workspace, "add", "-A");
  git(workspace, "commit", "-q", "-m", "runbooks");
  return { dir, workspace, main: git(workspace, "rev-parse", "HEAD"), marker };
}

function runbook(title: string, ...steps: readonly [string, string][]): string {
  const body = steps.flatMap(([text, script], i) => [
    `${i + 1}. ${text}`,
    "",
    "   ```bash",
    `   ${script}`,
    "   ```",
    "",
  ]);
  return [`# ${title}`, "", ...body].join("\n");
}

interface Thread {
  readonly run: DistRun;
  readonly github: FakeGitHub;
  readonly comment: FakeComment;
  /** Bodies of the comments the token wrote (replies, status, approval requests). */
  readonly botComments: readonly string[];
  /** Reactions on the command comment, in order. */
  readonly reactions: readonly string[];
}

interface ChatOpsOptions {
  readonly author?: FakeUser;
  readonly onPullRequest?: boolean;
  /** Plays the people: called when the token writes a comment. */
  readonly onBotComment?: (comment: FakeComment, github: FakeGitHub) => void;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly sha?: string;
}

async function fakes(): Promise<FakeGitHub> {
  github = await startFakeGitHub({
    owner: "acme",
    repo: "ops",
    token: "ghs_testtoken",
    pulls: {},
    issues: {
      issues: { [ISSUE]: "Disk full on db-1" },
      collaborators: { alice: "write", rita: "read" },
    },
  });
  artifacts = await startFakeArtifacts();
  return github;
}

function runnerEnv(sha: string, fakeArtifacts: FakeArtifacts): Record<string, string> {
  return {
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REF: "refs/heads/main",
    GITHUB_SHA: sha,
    GITHUB_ACTOR: "alice",
    RUNNER_ENVIRONMENT: "self-hosted",
    ACTIONS_RUNTIME_TOKEN: fakeArtifacts.runtimeToken,
    ACTIONS_RESULTS_URL: fakeArtifacts.url,
  };
}

/** A comment `body` by `author` in the issue, then the action run for it. */
async function chatops(repo: Repo, body: string, options: ChatOpsOptions = {}): Promise<Thread> {
  const fake = await fakes();
  const author = options.author ?? ALICE;
  const comment = fake.issues.addComment(ISSUE, author, body);
  if (options.onBotComment !== undefined) {
    const listener = options.onBotComment;
    fake.issues.onTokenComment((posted) => listener(posted, fake));
  }
  const run = await runDist({
    bundle,
    workspace: repo.workspace,
    eventName: "issue_comment",
    event: {
      action: "created",
      comment: {
        id: comment.id,
        body,
        user: { login: author.login, id: author.id, type: "User" },
        html_url: `https://github.com/acme/ops/issues/${ISSUE}#issuecomment-${comment.id}`,
        author_association: "OWNER",
      },
      issue: {
        number: ISSUE,
        html_url: `https://github.com/acme/ops/issues/${ISSUE}`,
        ...(options.onPullRequest === true
          ? { pull_request: { url: `https://api.github.com/repos/acme/ops/pulls/${ISSUE}` } }
          : {}),
      },
      repository: { name: "ops", owner: { login: "acme" }, default_branch: "main" },
    },
    apiUrl: fake.url,
    inputs: { command: "chatops", "approval-timeout": "60", ...options.inputs },
    extraEnv: runnerEnv(options.sha ?? repo.main, artifacts ?? (await startFakeArtifacts())),
  });
  return {
    run,
    github: fake,
    comment,
    botComments: fake.issues
      .commentsOn(ISSUE)
      .filter((c) => c.user.type === "Bot")
      .map((c) => c.body),
    reactions: fake.issues.reactions
      .filter((r) => r.commentId === comment.id)
      .map((r) => r.content),
  };
}

function statusComment(thread: Thread): string {
  const status = thread.botComments.find((body) => body.startsWith("<!-- runbook-exec:status"));
  if (status === undefined)
    throw new Error(`no status comment in ${JSON.stringify(thread.botComments)}`);
  return status;
}

function runEnd(log: string): Record<string, unknown> {
  const lines = readFileSync(log, "utf8").trim().split("\n");
  return JSON.parse(lines.at(-1) ?? "{}") as Record<string, unknown>;
}

const CHECK = runbook(
  "Check disk",
  ["Look at the disk", "df -h ."],
  ["Say which file ran", "echo from-main"],
);

describe("dist/index.js command: chatops", () => {
  it("a writer starts a run: eyes, rocket, status comment with plan, progress and summary, artifact", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const thread = await chatops(repo, "/runbook run runbooks/check.md incident=INC-7");
    expect(thread.run.exitCode, thread.run.stdout + thread.run.stderr).toBe(0);
    const status = statusComment(thread);
    expect(status).toContain(`run=${RUN_ID} state=finished`);
    expect(status).toContain(`at commit <code>${repo.main}</code>`);
    expect(status).toContain("✓ 1\\.");
    expect(status).toContain("<code>INC&#45;7</code>");
    expect(status).toMatch(/Audit head <code>\d+&#58;[0-9a-f]{64}<\/code>/);
    expect(status).toContain(`https://github.com/acme/ops/actions/runs/${RUN_ID}`);
    expect(thread.reactions).toEqual(["eyes", "rocket", "hooray"]);
    expect(artifacts?.artifacts).toHaveLength(1);
  }, 120_000);
});
