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
import type { Nodes } from "mdast";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { mdastTree } from "../../helpers/mdast.js";
import { startFakeArtifacts, type FakeArtifacts } from "../../helpers/fake-artifacts.js";
import { startFakeGitHub, type FakeGitHub } from "../../helpers/fake-github.js";
import type { FakeComment, FakeUser } from "../../helpers/fake-github-issues.js";
import { actionBundle, runDist, type DistRun } from "./dist-harness.js";

const RUN_ID = 91;
const ISSUE = 7;
const ALICE: FakeUser = { login: "alice", id: 11 };
const RITA: FakeUser = { login: "rita", id: 12 };

let bundle = "";
let github: FakeGitHub | undefined;
let artifacts: FakeArtifacts | undefined;

beforeAll(() => {
  bundle = actionBundle();
});

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
    writeFileSync(path.join(workspace, file), text.replaceAll("MARK", `${dir}${path.sep}`));
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
  /** Comments already in the thread, and the workflow runs GitHub knows. */
  readonly before?: (github: FakeGitHub) => void;
  readonly workflowRuns?: Readonly<Record<number, "in_progress" | "completed">>;
}

function currentArtifacts(): FakeArtifacts {
  if (artifacts === undefined) throw new Error("the fake artifact service is not running");
  return artifacts;
}

async function fakes(
  workflowRuns: Readonly<Record<number, "in_progress" | "completed">> = {},
): Promise<FakeGitHub> {
  github = await startFakeGitHub({
    workflowRuns,
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

/** The `issue_comment` (created) payload of comment `id` in the issue. */
function commentEvent(id: number, author: FakeUser, body: string, onPullRequest = false) {
  return {
    action: "created",
    comment: {
      id,
      body,
      user: { login: author.login, id: author.id, type: "User" },
      html_url: `https://github.com/acme/ops/issues/${ISSUE}#issuecomment-${id}`,
      author_association: "OWNER",
    },
    issue: {
      number: ISSUE,
      html_url: `https://github.com/acme/ops/issues/${ISSUE}`,
      ...(onPullRequest
        ? { pull_request: { url: `https://api.github.com/repos/acme/ops/pulls/${ISSUE}` } }
        : {}),
    },
    repository: { name: "ops", owner: { login: "acme" }, default_branch: "main" },
  };
}

/** A comment `body` by `author` in the issue, then the action run for it. */
async function chatops(repo: Repo, body: string, options: ChatOpsOptions = {}): Promise<Thread> {
  const fake = await fakes(options.workflowRuns);
  options.before?.(fake);
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
    event: commentEvent(comment.id, author, body, options.onPullRequest === true),
    apiUrl: fake.url,
    inputs: { command: "chatops", "approval-timeout": "60", ...options.inputs },
    extraEnv: runnerEnv(options.sha ?? repo.main, currentArtifacts()),
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

/** No tag but the tool's own outside code blocks, no mention or reference, per the GFM parser. */
function expectInert(markdown: string): void {
  const allowed = [
    /^<!-- runbook-exec:status run=\d+ state=(running|finished) -->$/,
    /^<\/?code>$/,
    /^<br>$/,
    /^<details><summary>Step \d+ output \(redacted, last \d+ characters at most\)<\/summary>$/,
    /^<\/details>$/,
  ];
  const walk = (node: Nodes): void => {
    if (node.type === "html")
      expect(
        allowed.some((re) => re.test(node.value)),
        node.value,
      ).toBe(true);
    if (node.type === "text") expect(node.value).not.toMatch(/@[A-Za-z0-9]|#\d/);
    if ("children" in node) node.children.forEach(walk);
  };
  walk(mdastTree(markdown));
}

describe("dist/index.js command: chatops refusals", () => {
  it("a reader is refused with the permission needed and a :-1:, and nothing runs", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const thread = await chatops(repo, "/runbook run runbooks/check.md", { author: RITA });
    expect(thread.run.exitCode).toBe(0);
    expect(thread.reactions).toEqual(["eyes", "-1"]);
    expect(thread.botComments).toHaveLength(1);
    expect(thread.botComments[0]).toContain("needs the <code>write</code> permission");
    expect(thread.run.outputs["audit-log"]).toBeUndefined();
    expect(artifacts?.artifacts).toHaveLength(0);
  }, 120_000);

  it("refuses `..`, an absolute path and a symbolic link out of the runbook dirs; nothing runs", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    writeFileSync(path.join(repo.dir, "outside.md"), CHECK);
    symlinkSync("../../outside.md", path.join(repo.workspace, "runbooks", "escape.md"));
    git(repo.workspace, "add", "-A");
    git(repo.workspace, "commit", "-q", "-m", "link");
    const sha = git(repo.workspace, "rev-parse", "HEAD");
    const cases: [string, RegExp][] = [
      ["runbooks/../../outside.md", /out of the repository/],
      [path.join(repo.dir, "outside.md"), /absolute paths are refused/],
      ["runbooks/escape.md", /symbolic link/],
    ];
    for (const [asked, why] of cases) {
      const thread = await chatops(repo, `/runbook run ${asked}`, { sha });
      expect(thread.run.exitCode, asked).toBe(0);
      expect(thread.reactions, asked).toEqual(["eyes", "-1"]);
      expect(thread.botComments, asked).toHaveLength(1);
      expect(thread.botComments[0], asked).toMatch(/is refused/);
      expect(thread.botComments[0], asked).toMatch(why);
      expect(thread.run.outputs["audit-log"], asked).toBeUndefined();
      await github?.close();
      await artifacts?.close();
      github = undefined;
      artifacts = undefined;
    }
  }, 180_000);

  it("a malformed usage gets the usage reply", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const thread = await chatops(repo, "/runbook run runbooks/check.md PATH=/tmp now");
    expect(thread.reactions).toEqual(["eyes", "confused"]);
    expect(thread.botComments[0]).toContain(
      "/runbook run PATH [incident=ID] [dry-run] [VAR=value…]",
    );
    expect(thread.run.outputs["audit-log"]).toBeUndefined();
  }, 120_000);

  it("/abort with no run in the thread says so", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const thread = await chatops(repo, "/abort");
    expect(thread.botComments).toEqual([expect.stringContaining("No runbook run is active")]);
  }, 120_000);
});

describe("dist/index.js command: chatops plan, validate, help, one run per issue", () => {
  it("/runbook plan replies with the plan and the commit, and nothing runs", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const thread = await chatops(repo, "/runbook plan runbooks/check.md");
    expect(thread.run.exitCode, thread.run.stdout).toBe(0);
    expect(thread.botComments).toHaveLength(1);
    expect(thread.botComments[0]).toContain("nothing ran");
    expect(thread.botComments[0]).toContain(`at commit <code>${repo.main}</code>`);
    expect(thread.botComments[0]).toMatch(/Plan hash <code>[0-9a-f]{64}<\/code>/);
    expect(thread.run.outputs["audit-log"]).toBeUndefined();
  }, 120_000);

  it("/runbook validate replies with the findings; /runbook help with the usage", async () => {
    const repo = repository({
      "runbooks/check.md": CHECK,
      "runbooks/bare.md": "# Bare\n\n1. Step\n\n```bash\necho left margin\n```\n",
    });
    const clean = await chatops(repo, "/runbook validate runbooks/check.md");
    expect(clean.botComments[0]).toContain("0 error(s)");
    await github?.close();
    await artifacts?.close();
    const broken = await chatops(repo, "/runbook validate runbooks/bare.md");
    expect(broken.botComments[0]).toMatch(/❌ .*[1-9]\d* error\(s\)/);
    await github?.close();
    await artifacts?.close();
    const help = await chatops(repo, "/runbook help");
    expect(help.botComments[0]).toContain("/runbook validate PATH");
    expect(help.botComments[0]).toContain("<code>runbooks/</code>");
  }, 180_000);

  it("a second /runbook run while another run is active in the thread gets a clear reply", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const bot: FakeUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };
    const thread = await chatops(repo, "/runbook run runbooks/check.md", {
      workflowRuns: { 55: "in_progress" },
      before: (fake) =>
        fake.issues.addComment(
          ISSUE,
          bot,
          "<!-- runbook-exec:status run=55 state=running -->\n### runbook-exec run",
        ),
    });
    expect(thread.run.exitCode).toBe(0);
    expect(thread.botComments.at(-1)).toContain("already active in this thread");
    expect(thread.reactions).toEqual(["eyes", "confused"]);
    expect(thread.run.outputs["audit-log"]).toBeUndefined();
  }, 120_000);
});

describe("dist/index.js command: chatops on a pull request", () => {
  function withPullRequestHead(): Repo & { readonly head: string } {
    const repo = repository({ "runbooks/check.md": CHECK });
    git(repo.workspace, "checkout", "-q", "-b", "pr-head");
    writeFileSync(
      path.join(repo.workspace, "runbooks", "check.md"),
      CHECK.replace("echo from-main", "echo from-pr-head"),
    );
    git(repo.workspace, "commit", "-q", "-am", "pr change");
    const head = git(repo.workspace, "rev-parse", "HEAD");
    git(repo.workspace, "checkout", "-q", "main");
    return { ...repo, head };
  }

  it("runs the default branch's file and says which commit ran", async () => {
    const repo = withPullRequestHead();
    const thread = await chatops(repo, "/runbook run runbooks/check.md", { onPullRequest: true });
    expect(thread.run.exitCode, thread.run.stdout).toBe(0);
    const log = readFileSync(thread.run.outputs["audit-log"] ?? "", "utf8");
    expect(log).toContain("from-main");
    expect(log).not.toContain("from-pr-head");
    expect(statusComment(thread)).toContain(`at commit <code>${repo.main}</code>`);
  }, 120_000);

  it("refuses when the workspace holds the pull request's head instead of the default branch", async () => {
    const repo = withPullRequestHead();
    git(repo.workspace, "checkout", "-q", "pr-head");
    const thread = await chatops(repo, "/runbook run runbooks/check.md", { onPullRequest: true });
    expect(thread.reactions).toEqual(["eyes", "-1"]);
    expect(thread.botComments[0]).toContain(repo.head);
    expect(thread.botComments[0]).toMatch(/never a pull request&#39;s head|never a pull request/);
    expect(thread.run.outputs["audit-log"]).toBeUndefined();
  }, 120_000);
});

describe("dist/index.js command: chatops steering", () => {
  it("ignores /approve by a non-writer; a writer's /deny decides and the step never runs", async () => {
    const repo = repository({
      "runbooks/mark.md": runbook("Mark", ["Leave a mark", "touch MARKapproved.marker"]),
    });
    let asked = false;
    const thread = await chatops(repo, "/runbook run runbooks/mark.md", {
      onBotComment: (posted, fake) => {
        if (asked || !posted.body.includes("/approve 1")) return;
        if (posted.body.startsWith("<!-- runbook-exec:status")) return;
        asked = true;
        fake.issues.addComment(ISSUE, RITA, "/approve 1");
        setTimeout(() => fake.issues.addComment(ISSUE, ALICE, "/deny 1"), 2500);
      },
    });
    expect(asked).toBe(true);
    expect(existsSync(repo.marker("approved"))).toBe(false);
    expect(thread.run.exitCode).toBe(1);
    const log = readFileSync(thread.run.outputs["audit-log"] ?? "", "utf8");
    const approval = log
      .split("\n")
      .filter((line) => line.includes('"type":"approval"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(approval).toHaveLength(1);
    expect(JSON.stringify(approval[0])).toContain('"decision":"denied"');
    expect(JSON.stringify(approval[0])).toContain("alice");
    expect(JSON.stringify(approval[0])).not.toContain("rita");
    expect(thread.reactions.at(-1)).toBe("confused");
  }, 180_000);

  it("a reader's /approve while a run waits gets one reply: the run's, never the steer job's too; the run reads the thread in one stream", async () => {
    const repo = repository({
      "runbooks/mark.md": runbook(
        "Mark",
        ["Take a while", "sleep 2"],
        ["Leave a mark", "touch MARKapproved.marker"],
      ),
    });
    let steering: Promise<DistRun> | undefined;
    const thread = await chatops(repo, "/runbook run runbooks/mark.md", {
      workflowRuns: { [RUN_ID]: "in_progress" },
      onBotComment: (posted, fake) => {
        if (steering !== undefined || !posted.body.includes("/approve 2")) return;
        if (posted.body.startsWith("<!-- runbook-exec:status")) return;
        const answer = fake.issues.addComment(ISSUE, RITA, "/approve 2");
        // The workflow's `steer` job starts for the same comment, as `issue_comment` does.
        steering = runDist({
          bundle,
          workspace: repo.workspace,
          eventName: "issue_comment",
          event: commentEvent(answer.id, RITA, "/approve 2"),
          apiUrl: fake.url,
          inputs: { command: "chatops" },
          extraEnv: { ...runnerEnv(repo.main, currentArtifacts()), GITHUB_RUN_ID: "92" },
        });
        void steering.then(() => fake.issues.addComment(ISSUE, ALICE, "/deny 2"));
      },
    });
    const steer = await steering;
    if (steer === undefined) throw new Error("the approval request was never posted");
    expect(steer.exitCode, steer.stdout).toBe(0);
    expect(steer.stdout).toContain(`is for workflow run ${RUN_ID}`);
    expect(thread.run.exitCode).toBe(1);
    expect(existsSync(repo.marker("approved"))).toBe(false);
    const toRita = thread.github.issues
      .commentsOn(ISSUE)
      .filter((c) => c.user.type === "Bot" && /<code>rita<\/code>|`rita`/.test(c.body))
      .map((c) => c.body);
    expect(toRita, JSON.stringify(toRita)).toHaveLength(1);
    expect(toRita[0]).toContain("Ignored");
    // The /abort watcher (from the status comment on) and the comment approvals (from the
    // request, two seconds later) read the thread through one conditional request stream: one
    // `since`, so one ETag chain, never a stream each.
    const reads = thread.github.requests
      .filter((r) => r.method === "GET" && /\/issues\/\d+\/comments\?/.test(r.url))
      .map((r) => new URL(r.url, "http://fake").searchParams.get("since"))
      .filter((since) => since !== "1970-01-01T00:00:00Z"); // the active-run checks
    expect(new Set(reads).size, JSON.stringify(reads)).toBe(1);
    expect(thread.github.issues.notModified.length).toBeGreaterThan(0);
  }, 240_000);

  it("/abort by a writer stops the running step; run_end written, artifact uploaded; a reader's /abort is ignored", async () => {
    const repo = repository({
      "runbooks/slow.md": runbook("Slow", ["Wait", "sleep 60"], ["After", "echo after"]),
    });
    let started = false;
    const thread = await chatops(repo, "/runbook run runbooks/slow.md", {
      onBotComment: (posted, fake) => {
        if (started || !posted.body.startsWith("<!-- runbook-exec:status")) return;
        started = true;
        setTimeout(() => fake.issues.addComment(ISSUE, RITA, "/abort"), 500);
        setTimeout(() => fake.issues.addComment(ISSUE, ALICE, "/abort"), 1500);
      },
    });
    expect(thread.run.exitCode).toBe(1);
    expect(thread.run.stdout).toContain("/abort by rita ignored");
    const end = runEnd(thread.run.outputs["audit-log"] ?? "");
    expect(end).toMatchObject({ type: "run_end", status: "aborted", signal: null });
    expect(artifacts?.artifacts).toHaveLength(1);
    expect(thread.run.outputs["status"]).toBe("aborted");
    const status = statusComment(thread);
    expect(status).toContain("state=finished");
    expect(status).toContain("❌ aborted");
    expect(status).toContain("⊘ 2\\.");
    expect(thread.reactions.at(-1)).toBe("confused");
  }, 180_000);
});

describe("dist/index.js command: chatops text stays inert", () => {
  it("keeps @org/team, <img onerror> and ``` from the runbook and its output inert in the status comment", async () => {
    // `&lt;` so the parsed runbook text really holds `<img …>` (raw HTML would be dropped).
    const hostile = "@org/team &lt;img src=x onerror=alert(1)&gt; ``` #1";
    const repo = repository({
      "runbooks/hostile.md": runbook(`Disk ${hostile}`, [
        `Check ${hostile}`,
        "printf '%s\\n' '@org/team <img src=x onerror=alert(1)>' '```' '@acme/ops'; false",
      ]),
    });
    const thread = await chatops(repo, "/runbook run runbooks/hostile.md");
    const status = statusComment(thread);
    expect(status).toContain("✗ 1\\.");
    expect(status).toContain("&#64;&#8203;org/team");
    expectInert(status);
    expect(status).toMatch(
      /````text\n@org\/team <img src=x onerror=alert\(1\)>\n```\n@acme\/ops\n````/,
    );
  }, 120_000);
});

describe("dist/index.js command: chatops repository_dispatch", () => {
  async function dispatch(repo: Repo, clientPayload: unknown, eventType = "runbook-run") {
    const fake = await fakes();
    const fakeArtifacts = currentArtifacts();
    const run = await runDist({
      bundle,
      workspace: repo.workspace,
      eventName: "repository_dispatch",
      event: {
        action: eventType,
        branch: "main",
        client_payload: clientPayload,
        repository: { name: "ops", owner: { login: "acme" }, default_branch: "main" },
        sender: { login: "incident-bot", type: "Bot" },
      },
      apiUrl: fake.url,
      inputs: { command: "chatops" },
      extraEnv: runnerEnv(repo.main, fakeArtifacts),
    });
    return { run, fake };
  }

  it("rejects a malformed client_payload with a message naming the fields", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const { run } = await dispatch(repo, { runbook: 5, dryrun: true });
    expect(run.exitCode).toBe(1);
    const error = run.stdout.split("\n").find((line) => line.startsWith("::error")) ?? "";
    expect(error).toContain("Malformed repository_dispatch `client_payload`");
    expect(error).toContain("client_payload.runbook");
    expect(error).toContain("dryrun");
    expect(run.outputs["audit-log"]).toBeUndefined();
    const other = await dispatch(repo, { runbook: "runbooks/check.md" }, "deploy");
    expect(other.run.exitCode).toBe(1);
    expect(other.run.stdout).toContain("ChatOps runs only `runbook-run`");
  }, 120_000);

  it("runs a well-formed dispatch and shows its status in the issue it names", async () => {
    const repo = repository({ "runbooks/check.md": CHECK });
    const { run, fake } = await dispatch(repo, {
      runbook: "runbooks/check.md",
      incident_id: "INC-9",
      dry_run: true,
      issue_number: ISSUE,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const status = fake.issues
      .commentsOn(ISSUE)
      .find((c) => c.body.startsWith("<!-- runbook-exec:status"));
    expect(status?.body).toContain("dry run");
    expect(status?.body).toContain("<code>incident&#45;bot</code>");
    expect(runEnd(run.outputs["audit-log"] ?? "")).toMatchObject({ type: "run_end" });
  }, 120_000);
});
