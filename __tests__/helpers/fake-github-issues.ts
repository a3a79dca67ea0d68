import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The issues side of the fake GitHub (`fake-github.ts` routes to it): issues, comments with
 * `since`, pagination (`Link` headers) and ETags (`If-None-Match` → 304), reactions,
 * collaborator permissions, team memberships, and rate-limit answers on demand. The state is
 * open to the test, which plays the people: it adds and edits comments as other users and
 * hears every comment the token posts.
 */

/** A GitHub account as the fake serves it. */
export interface FakeUser {
  readonly login: string;
  readonly id: number;
  /** Default `User`. */
  readonly type?: "User" | "Bot" | "Organization";
}

/** A repository role the permission endpoint answers with; `absent` means 404. */
export type FakeRole = "none" | "read" | "triage" | "write" | "maintain" | "admin";

/** A collaborator's permission answer; a bare role fills in the wire fields GitHub would. */
export type FakeCollaborator =
  | FakeRole
  | {
      /** The legacy field (`admin|write|read|none`). */
      readonly permission: string;
      readonly role_name?: string;
      readonly permissions?: Readonly<Record<string, boolean>>;
    };

export interface FakeIssuesOptions {
  /** The account the token acts as (default `github-actions[bot]`, a Bot). */
  readonly tokenUser?: FakeUser;
  /** Issues that exist at the start: number → title. */
  readonly issues?: Readonly<Record<number, string>>;
  /** Login → permission; a login not listed answers 404 (not a collaborator). */
  readonly collaborators?: Readonly<Record<string, FakeCollaborator>>;
  /** `org/team-slug` → active member logins. */
  readonly teams?: Readonly<Record<string, readonly string[]>>;
}

/** A comment as the fake stores it. */
export interface FakeComment {
  readonly id: number;
  readonly issue: number;
  body: string;
  readonly user: FakeUser;
  readonly createdAt: Date;
  updatedAt: Date;
}

export interface FakeIssue {
  readonly number: number;
  readonly title: string;
  readonly body: string;
  state: "open" | "closed";
}

/** A reaction someone added. */
export interface FakeReaction {
  readonly commentId: number;
  readonly content: string;
  readonly login: string;
}

/** A forced answer for the next requests, e.g. a secondary rate limit. */
export interface FakeRateLimit {
  readonly status: 403 | 429;
  /** `Retry-After` seconds. */
  readonly retryAfter?: number;
  /** `x-ratelimit-reset` as seconds from now (the header itself is an epoch second). */
  readonly resetInSeconds?: number;
  /** How many requests get this answer (default 1). */
  readonly times?: number;
}

/** What the test sees and drives. */
export interface FakeIssues {
  readonly issues: ReadonlyMap<number, FakeIssue>;
  readonly comments: readonly FakeComment[];
  readonly reactions: readonly FakeReaction[];
  /** Comments on `issue`, oldest first. */
  commentsOn(issue: number): readonly FakeComment[];
  /** Someone other than the token comments now. */
  addComment(issue: number, user: FakeUser, body: string): FakeComment;
  /** The author edits a comment: `updated_at` moves past `created_at`. */
  editComment(id: number, body: string): void;
  /** Hears every comment the token posts (after it is stored). */
  onTokenComment(listener: (comment: FakeComment) => void): void;
  /** The next requests get a rate-limit answer instead. */
  rateLimitNext(limit: FakeRateLimit): void;
  /** Requests answered 304, in order (the URL of each). */
  readonly notModified: readonly string[];
  /** Requests answered with a rate limit from {@link rateLimitNext}, in order (the URL of each). */
  readonly rateLimited: readonly string[];
}

/** Helpers the router hands in: how to answer, read a body, and the base URL. */
export interface FakeIssuesWire {
  send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  readonly base: () => string;
  readonly owner: string;
  readonly repo: string;
  readonly repoId: number;
}

const DEFAULT_TOKEN_USER: FakeUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };
const MAX_PER_PAGE = 100;

function iso(date: Date): string {
  // GitHub's timestamps have whole seconds.
  return `${date.toISOString().slice(0, 19)}Z`;
}

function wireUser(base: string, user: FakeUser) {
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    type: user.type ?? "User",
    site_admin: false,
    url: `${base}/users/${user.login}`,
    html_url: `https://github.com/${user.login}`,
  };
}

function permissionAnswer(base: string, login: string, collaborator: FakeCollaborator) {
  const FLAGS: Readonly<Record<FakeRole, Record<string, boolean>>> = {
    none: { admin: false, maintain: false, push: false, triage: false, pull: false },
    read: { admin: false, maintain: false, push: false, triage: false, pull: true },
    triage: { admin: false, maintain: false, push: false, triage: true, pull: true },
    write: { admin: false, maintain: false, push: true, triage: true, pull: true },
    maintain: { admin: false, maintain: true, push: true, triage: true, pull: true },
    admin: { admin: true, maintain: true, push: true, triage: true, pull: true },
  };
  const LEGACY: Readonly<Record<FakeRole, string>> = {
    none: "none",
    read: "read",
    triage: "read",
    write: "write",
    maintain: "write",
    admin: "admin",
  };
  const user = wireUser(base, { login, id: 1000 + login.length });
  if (typeof collaborator === "string") {
    return {
      permission: LEGACY[collaborator],
      role_name: collaborator,
      user: { ...user, permissions: FLAGS[collaborator], role_name: collaborator },
    };
  }
  return {
    permission: collaborator.permission,
    ...(collaborator.role_name === undefined ? {} : { role_name: collaborator.role_name }),
    user: {
      ...user,
      ...(collaborator.permissions === undefined ? {} : { permissions: collaborator.permissions }),
    },
  };
}

/** Reads a JSON request body (`{}` when empty or not JSON). */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The state and the route handler of the issues side. */
export function createFakeIssues(
  options: FakeIssuesOptions,
  wire: FakeIssuesWire,
): FakeIssues & {
  /** Answers the request if it is an issues route; false when it is not one. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
} {
  const tokenUser = options.tokenUser ?? DEFAULT_TOKEN_USER;
  const issues = new Map<number, FakeIssue>();
  for (const [number, title] of Object.entries(options.issues ?? {}))
    issues.set(Number(number), { number: Number(number), title, body: "", state: "open" });
  const comments: FakeComment[] = [];
  const reactions: FakeReaction[] = [];
  const listeners: ((comment: FakeComment) => void)[] = [];
  const limits: FakeRateLimit[] = [];
  const notModified: string[] = [];
  const rateLimited: string[] = [];
  let nextCommentId = 9000;

  const store = (issue: number, user: FakeUser, body: string): FakeComment => {
    const now = new Date();
    const comment: FakeComment = {
      id: ++nextCommentId,
      issue,
      body,
      user,
      createdAt: now,
      updatedAt: now,
    };
    comments.push(comment);
    return comment;
  };

  const wireComment = (comment: FakeComment) => {
    const base = wire.base();
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${base}/repos/${wire.owner}/${wire.repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${wire.owner}/${wire.repo}/issues/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${base}/repos/${wire.owner}/${wire.repo}/issues/${comment.issue}`,
      body: comment.body,
      user: wireUser(base, comment.user),
      created_at: iso(comment.createdAt),
      updated_at: iso(comment.updatedAt),
      // What GitHub says about the author's relation to the repository: not a permission.
      author_association: "OWNER",
    };
  };

  const wireIssue = (issue: FakeIssue) => ({
    id: 70000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    html_url: `https://github.com/${wire.owner}/${wire.repo}/issues/${issue.number}`,
    url: `${wire.base()}/repos/${wire.owner}/${wire.repo}/issues/${issue.number}`,
    user: wireUser(wire.base(), tokenUser),
  });

  const notFound = (res: ServerResponse): void =>
    wire.send(res, 404, {
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
      status: "404",
    });

  const listComments = (req: IncomingMessage, res: ServerResponse, url: URL, number: number) => {
    const since = url.searchParams.get("since");
    const sinceMs = since === null ? 0 : Date.parse(since);
    const perPage = Math.min(MAX_PER_PAGE, Number(url.searchParams.get("per_page") ?? "30"));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? "1"));
    const all = comments.filter(
      (c) => c.issue === number && Math.floor(c.updatedAt.getTime() / 1000) * 1000 >= sinceMs,
    );
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const body = all.slice((page - 1) * perPage, page * perPage).map(wireComment);
    const text = JSON.stringify(body);
    const etag = `W/"${createHash("sha256").update(text).digest("hex").slice(0, 32)}"`;
    const link = (p: number): string => {
      const next = new URLSearchParams(url.searchParams);
      next.set("per_page", String(perPage));
      next.set("page", String(p));
      return `<${wire.base()}/repositories/${wire.repoId}/issues/${number}/comments?${next}>`;
    };
    const links: string[] = [];
    if (page > 1) links.push(`${link(page - 1)}; rel="prev"`, `${link(1)}; rel="first"`);
    if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    const headers: Record<string, string> = { etag };
    if (links.length > 0) headers["link"] = links.join(", ");
    if (req.headers["if-none-match"] === etag) {
      notModified.push(req.url ?? "");
      res.writeHead(304, headers);
      res.end();
      return;
    }
    wire.send(res, 200, body, headers);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const method = req.method ?? "GET";
    const path = url.pathname;
    const repoPath = `/repos/${wire.owner}/${wire.repo}`;
    const inRepo = path.startsWith(`${repoPath}/`)
      ? path.slice(repoPath.length)
      : path.startsWith(`/repositories/${wire.repoId}/`)
        ? path.slice(`/repositories/${wire.repoId}`.length)
        : undefined;
    const team = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path);
    const ours = team !== null || /^\/(issues|collaborators)(\/|$)/.test(inRepo ?? "");
    if (!ours) return false;
    const limit = limits[0];
    if (limit !== undefined) {
      rateLimited.push(req.url ?? "");
      const left = (limit.times ?? 1) - 1;
      if (left <= 0) limits.shift();
      else limits[0] = { ...limit, times: left };
      const headers: Record<string, string> = {};
      if (limit.retryAfter !== undefined) headers["retry-after"] = String(limit.retryAfter);
      if (limit.resetInSeconds !== undefined) {
        headers["x-ratelimit-remaining"] = "0";
        headers["x-ratelimit-reset"] = String(Math.ceil(Date.now() / 1000 + limit.resetInSeconds));
      }
      wire.send(
        res,
        limit.status,
        {
          message:
            limit.status === 429
              ? "Too many requests"
              : "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
          status: String(limit.status),
        },
        headers,
      );
      return true;
    }
    if (team !== null) {
      const members = options.teams?.[`${team[1]}/${team[2]}`];
      if (method !== "GET" || members === undefined || !members.includes(team[3] ?? "")) {
        notFound(res);
        return true;
      }
      wire.send(res, 200, {
        url: `${wire.base()}${path}`,
        role: "member",
        state: "active",
      });
      return true;
    }
    const route = `${method} ${inRepo ?? ""}`;
    let m: RegExpExecArray | null;
    if ((m = /^GET \/collaborators\/([^/]+)\/permission$/.exec(route)) !== null) {
      const login = decodeURIComponent(m[1] ?? "");
      const collaborator = options.collaborators?.[login];
      if (collaborator === undefined) notFound(res);
      else wire.send(res, 200, permissionAnswer(wire.base(), login, collaborator));
      return true;
    }
    if (route === "POST /issues") {
      const body = await readJson(req);
      const number = Math.max(0, ...issues.keys()) + 1;
      const issue: FakeIssue = {
        number,
        title: String(body["title"] ?? ""),
        body: String(body["body"] ?? ""),
        state: "open",
      };
      issues.set(number, issue);
      wire.send(res, 201, wireIssue(issue));
      return true;
    }
    if ((m = /^(GET|PATCH) \/issues\/(\d+)$/.exec(route)) !== null) {
      const issue = issues.get(Number(m[2]));
      if (issue === undefined) return (notFound(res), true);
      if (m[1] === "PATCH") {
        const body = await readJson(req);
        if (body["state"] === "closed" || body["state"] === "open") issue.state = body["state"];
      }
      wire.send(res, 200, wireIssue(issue));
      return true;
    }
    if ((m = /^(GET|POST) \/issues\/(\d+)\/comments$/.exec(route)) !== null) {
      const number = Number(m[2]);
      if (!issues.has(number)) return (notFound(res), true);
      if (m[1] === "GET") {
        listComments(req, res, url, number);
        return true;
      }
      const body = await readJson(req);
      const comment = store(number, tokenUser, String(body["body"] ?? ""));
      wire.send(res, 201, wireComment(comment));
      for (const listener of listeners) listener(comment);
      return true;
    }
    if ((m = /^PATCH \/issues\/comments\/(\d+)$/.exec(route)) !== null) {
      const comment = comments.find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) return (notFound(res), true);
      const body = await readJson(req);
      comment.body = String(body["body"] ?? "");
      comment.updatedAt = new Date();
      wire.send(res, 200, wireComment(comment));
      return true;
    }
    if ((m = /^POST \/issues\/comments\/(\d+)\/reactions$/.exec(route)) !== null) {
      const commentId = Number(m[1]);
      if (!comments.some((c) => c.id === commentId)) return (notFound(res), true);
      const body = await readJson(req);
      const content = String(body["content"] ?? "");
      reactions.push({ commentId, content, login: tokenUser.login });
      wire.send(res, 201, {
        id: reactions.length,
        content,
        user: wireUser(wire.base(), tokenUser),
        created_at: iso(new Date()),
      });
      return true;
    }
    notFound(res);
    return true;
  };

  return {
    issues,
    comments,
    reactions,
    notModified,
    rateLimited,
    commentsOn: (issue) => comments.filter((c) => c.issue === issue),
    addComment: (issue, user, body) => {
      if (!issues.has(issue)) throw new Error(`the fake has no issue #${issue}`);
      return store(issue, user, body);
    },
    editComment: (id, body) => {
      const comment = comments.find((c) => c.id === id);
      if (comment === undefined) throw new Error(`the fake has no comment ${id}`);
      comment.body = body;
      // GitHub's clock has seconds: an edit shows as a later `updated_at`.
      comment.updatedAt = new Date(Math.max(Date.now(), comment.createdAt.getTime() + 1000));
    },
    onTokenComment: (listener) => listeners.push(listener),
    rateLimitNext: (limit) => limits.push(limit),
    handle,
  };
}

/** A comment a person will write: its body, and an edit made right after. */
export interface FakeAnswer {
  readonly user: FakeUser;
  readonly body: string;
  readonly edit?: string;
}

/**
 * Plays the people: when the token posts a comment starting with `prefix` (an approval
 * request), each answer is commented on that issue at once, in order, and edited if it says so.
 */
export function answerWhenAsked(
  issues: FakeIssues,
  prefix: string,
  answers: readonly FakeAnswer[],
): void {
  issues.onTokenComment((request) => {
    if (!request.body.startsWith(prefix)) return;
    for (const answer of answers) {
      const comment = issues.addComment(request.issue, answer.user, answer.body);
      if (answer.edit !== undefined) issues.editComment(comment.id, answer.edit);
    }
  });
}
