import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeIssues, type FakeIssues, type FakeIssuesOptions } from "./fake-github-issues.js";

/** A changed file as the fake serves it; the other wire fields are filled in. */
export interface FakePullFile {
  readonly filename: string;
  readonly status:
    "added" | "modified" | "removed" | "renamed" | "copied" | "changed" | "unchanged";
  readonly previous_filename?: string;
}

export interface FakeGitHubOptions {
  readonly owner: string;
  readonly repo: string;
  /** Pull request number → its files, in API order. */
  readonly pulls: Readonly<Record<number, readonly FakePullFile[]>>;
  /** Token the fake accepts (`Authorization: token …`); others get 401 Bad credentials. */
  readonly token: string;
  /** Workflow run id → its deployment reviews, served at `GET …/actions/runs/{id}/approvals`. */
  readonly runApprovals?: Readonly<Record<number, readonly FakeRunApproval[]>>;
  /** Workflow run id → its status, served at `GET …/actions/runs/{id}` (others: 404). */
  readonly workflowRuns?: Readonly<Record<number, "queued" | "in_progress" | "completed">>;
  /** Issues, comments, reactions, collaborator permissions and teams (see `fake-github-issues.ts`). */
  readonly issues?: FakeIssuesOptions;
  /** Answer every request with this status and message instead (e.g. 403 for a token without `pull-requests: read`). */
  readonly failWith?: { readonly status: number; readonly message: string };
}

/** A deployment review as the fake serves it; the other wire fields are filled in. */
export interface FakeRunApproval {
  readonly state: "approved" | "rejected";
  readonly environments: readonly string[];
  readonly login: string;
  readonly userId: number;
  readonly comment: string;
}

function wireRunApproval(base: string, review: FakeRunApproval, i: number) {
  return {
    state: review.state,
    comment: review.comment,
    environments: review.environments.map((name, j) => ({
      id: 100 + j,
      node_id: `EN_${j}`,
      name,
      url: `${base}/repos/acme/ops/environments/${name}`,
      html_url: `https://github.com/acme/ops/deployments/activity_log?environments_filter=${name}`,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
    })),
    user: {
      login: review.login,
      id: review.userId,
      node_id: `U_${i}`,
      type: "User",
      site_admin: false,
      url: `${base}/users/${review.login}`,
    },
  };
}

/** One request the fake saw. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
}

export interface FakeGitHub {
  /** Base URL for `GITHUB_API_URL` / Octokit `baseUrl`. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** The issues side: state the test reads and drives (empty unless `issues` was given). */
  readonly issues: FakeIssues;
  close(): Promise<void>;
}

const REPO_ID = 4242;
const MAX_PER_PAGE = 100;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function wireFile(base: string, owner: string, repo: string, file: FakePullFile, i: number) {
  const sha = (i + 1).toString(16).padStart(40, "0");
  return {
    sha,
    filename: file.filename,
    status: file.status,
    additions: file.status === "removed" ? 0 : 3,
    deletions: file.status === "added" ? 0 : 1,
    changes: 4,
    blob_url: `https://github.com/${owner}/${repo}/blob/${sha}/${file.filename}`,
    raw_url: `https://github.com/${owner}/${repo}/raw/${sha}/${file.filename}`,
    contents_url: `${base}/repos/${owner}/${repo}/contents/${file.filename}?ref=${sha}`,
    patch: "@@ -1 +1 @@\n-old\n+new",
    ...(file.previous_filename === undefined ? {} : { previous_filename: file.previous_filename }),
  };
}

/**
 * A `node:http` fake of the GitHub REST API on 127.0.0.1 serving
 * `GET /repos/{owner}/{repo}/pulls/{n}/files` the way GitHub does: `per_page` up to 100,
 * `page`, and a `Link` header with `next`/`last` that points at `/repositories/{id}/…`; a run's
 * deployment reviews; and the issues side (`fake-github-issues.ts`).
 */
export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  let base = "";
  const issues = createFakeIssues(options.issues ?? {}, {
    send,
    base: () => base,
    owner: options.owner,
    repo: options.repo,
    repoId: REPO_ID,
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    requests.push({
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
    });
    const url = new URL(req.url ?? "/", base);
    if (options.failWith !== undefined) {
      send(res, options.failWith.status, {
        message: options.failWith.message,
        documentation_url: "https://docs.github.com/rest",
        status: String(options.failWith.status),
      });
      return;
    }
    if (req.headers.authorization !== `token ${options.token}`) {
      send(res, 401, {
        message: "Bad credentials",
        documentation_url: "https://docs.github.com/rest",
        status: "401",
      });
      return;
    }
    if (await issues.handle(req, res, url)) return;
    const workflowRun = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/.exec(url.pathname);
    const runStatus = options.workflowRuns?.[Number(workflowRun?.[1])];
    if (req.method === "GET" && workflowRun !== null && runStatus !== undefined) {
      send(res, 200, { id: Number(workflowRun[1]), status: runStatus, conclusion: null });
      return;
    }
    const approvals = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/approvals$/.exec(
      url.pathname,
    );
    const reviews = options.runApprovals?.[Number(approvals?.[3])];
    if (req.method === "GET" && approvals !== null && reviews !== undefined) {
      send(
        res,
        200,
        reviews.map((review, i) => wireRunApproval(base, review, i)),
      );
      return;
    }
    const match =
      /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/files$/.exec(url.pathname) ??
      /^\/repositories\/(\d+)\/pulls\/(\d+)\/files$/.exec(url.pathname);
    const number = Number(match?.[match.length - 1]);
    const known =
      match !== null &&
      (match.length === 3 || (match[1] === options.owner && match[2] === options.repo));
    const files = options.pulls[number];
    if (req.method !== "GET" || !known || files === undefined) {
      send(res, 404, {
        message: "Not Found",
        documentation_url: "https://docs.github.com/rest",
        status: "404",
      });
      return;
    }
    const perPage = Math.min(MAX_PER_PAGE, Number(url.searchParams.get("per_page") ?? "30"));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? "1"));
    const last = Math.max(1, Math.ceil(files.length / perPage));
    const body = files
      .slice((page - 1) * perPage, page * perPage)
      .map((file, i) =>
        wireFile(base, options.owner, options.repo, file, (page - 1) * perPage + i),
      );
    const link = (p: number): string =>
      `<${base}/repositories/${REPO_ID}/pulls/${number}/files?per_page=${perPage}&page=${p}>`;
    const links: string[] = [];
    if (page > 1) links.push(`${link(page - 1)}; rel="prev"`, `${link(1)}; rel="first"`);
    if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    send(res, 200, body, links.length === 0 ? {} : { link: links.join(", ") });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    issues,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
