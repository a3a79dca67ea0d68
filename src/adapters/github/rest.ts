import { getOctokit } from "@actions/github";
import { GitHubApiError, type GitHubCallOptions } from "../../gate/github-api.js";
import { wait } from "../../gate/wait.js";
import { eitherSignal } from "../../core/abortable.js";

/** Options for {@link createGitHubRest}. */
export interface GitHubRestOptions {
  readonly token: string;
  /** `GITHUB_API_URL`, e.g. `https://api.github.com`; tests use a fake on 127.0.0.1. */
  readonly baseUrl: string;
  /** One HTTP request's timeout (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** A call's deadline when the caller gives none, retries included (default 60 s). */
  readonly defaultBudgetMs?: number;
  /** First and longest wait between retries of a 5xx or network failure (default 1 s and 30 s). */
  readonly backoffMs?: { readonly initial: number; readonly max: number };
  /**
   * Least time between two requests that create or change content (default 1 s, as GitHub asks
   * of integrations to stay under its secondary rate limits).
   */
  readonly writeIntervalMs?: number;
}

/** An answer: 2xx with its parsed body, or 304 (`data` undefined) to a conditional request. */
export interface GitHubResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly data: unknown;
}

/** A call's limits, and the `ETag` of an earlier answer to make it conditional. */
export interface GitHubRequestOptions extends GitHubCallOptions {
  readonly etag?: string;
}

/**
 * A GitHub REST client that waits out rate limits and retries what is worth retrying: 429 and
 * 403 rate-limit answers wait `Retry-After`, else until `x-ratelimit-reset` (a minute when GitHub
 * says neither); an answer with `x-ratelimit-remaining: 0` holds every later call until the
 * reset; 5xx and network failures back off exponentially; all within the call's deadline. Any
 * other 4xx rejects with {@link GitHubApiError} naming the fix.
 */
export interface GitHubRest {
  request(
    route: string,
    params?: Readonly<Record<string, unknown>>,
    options?: GitHubRequestOptions,
  ): Promise<GitHubResponse>;
}

/** GitHub's advice when it limits without saying for how long (secondary rate limits). */
const UNSPECIFIED_LIMIT_WAIT_MS = 60_000;

/** What one failed attempt means. */
type Attempt =
  | { readonly kind: "answer"; readonly response: GitHubResponse }
  | { readonly kind: "retry"; readonly code: string; readonly waitMs: number | undefined }
  | { readonly kind: "fatal"; readonly error: GitHubApiError };

/** {@link GitHubRest} over `@actions/github`'s Octokit (its retries are ours, not a plugin's). */
export function createGitHubRest(options: GitHubRestOptions): GitHubRest {
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl });
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const budgetMs = options.defaultBudgetMs ?? 60_000;
  const backoff = options.backoffMs ?? { initial: 1000, max: 30_000 };
  const writeIntervalMs = options.writeIntervalMs ?? 1000;
  /** `Date.now()` before which no request may go out (a rate limit said so). */
  let limitedUntil = 0;
  /** `Date.now()` before which no write may go out (our own pacing). */
  let nextWrite = 0;

  async function attempt(
    route: string,
    params: Readonly<Record<string, unknown>>,
    callOptions: GitHubRequestOptions,
  ): Promise<Attempt> {
    const timeout = AbortSignal.timeout(requestTimeoutMs);
    const signal =
      callOptions.signal === undefined ? timeout : AbortSignal.any([timeout, callOptions.signal]);
    try {
      const response = await octokit.request(route, {
        ...params,
        headers: callOptions.etag === undefined ? {} : { "if-none-match": callOptions.etag },
        request: { signal },
      });
      const headers = lowerCaseHeaders(response.headers);
      noteLimit(headers);
      return {
        kind: "answer",
        response: { status: response.status, headers, data: response.data },
      };
    } catch (error) {
      if (callOptions.signal?.aborted === true) throw callOptions.signal.reason;
      const failure = failureOf(error);
      if (failure === undefined) return { kind: "retry", code: "network", waitMs: undefined };
      noteLimit(failure.headers);
      if (failure.status === 304)
        return {
          kind: "answer",
          response: { status: 304, headers: failure.headers, data: undefined },
        };
      return sortFailure(route, failure);
    }
  }

  function noteLimit(headers: Readonly<Record<string, string>>): void {
    if (headers["x-ratelimit-remaining"] !== "0") return;
    const reset = Number(headers["x-ratelimit-reset"]);
    if (Number.isFinite(reset)) limitedUntil = Math.max(limitedUntil, reset * 1000);
  }

  async function request(
    route: string,
    params: Readonly<Record<string, unknown>> = {},
    callOptions: GitHubRequestOptions = {},
  ): Promise<GitHubResponse> {
    const deadline = callOptions.deadline ?? Date.now() + budgetMs;
    const { signal, withdraw } = callOptions;
    const writes = !route.startsWith("GET ");
    let delay = backoff.initial;
    let lastCode = "deadline";
    /** Ends the waits: `signal` always, `withdraw` until a request has gone out. */
    let waits = eitherSignal(signal, withdraw);
    for (;;) {
      const now = Date.now();
      const slot = Math.max(now, limitedUntil, writes ? nextWrite : 0);
      if (slot > deadline)
        throw outOfTime(route, limitedUntil > deadline ? "ratelimited" : lastCode);
      if (writes) nextWrite = slot + writeIntervalMs;
      await wait(slot - now, waits);
      if (waits?.aborted === true) throw waits.reason;
      waits = signal;
      const result = await attempt(route, params, callOptions);
      if (result.kind === "answer") return result.response;
      if (result.kind === "fatal") throw result.error;
      lastCode = result.code;
      let waitMs = result.waitMs;
      if (waitMs === undefined) {
        waitMs = delay;
        delay = Math.min(delay * 2, backoff.max);
      } else {
        limitedUntil = Math.max(limitedUntil, Date.now() + waitMs);
      }
      if (Date.now() + waitMs > deadline) throw outOfTime(route, lastCode);
      await wait(waitMs, signal);
    }
  }

  return { request };
}

/** The parts of an Octokit `RequestError` the client reads. */
interface Failure {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly message: string;
  readonly cause: unknown;
}

/** Octokit throws `RequestError` with `status` and `response`; anything else is the network. */
function failureOf(error: unknown): Failure | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  const { status } = error as { status: unknown };
  if (typeof status !== "number") return undefined;
  const response = (error as { response?: { headers?: unknown } }).response;
  const message = error instanceof Error ? error.message : `HTTP ${status}`;
  return { status, headers: lowerCaseHeaders(response?.headers), message, cause: error };
}

/**
 * Sorts a failed answer: rate limits (429; 403 with `Retry-After`, with no requests left, or
 * saying "rate limit") wait; 5xx and 408 back off; a 500 Octokit made of a network error backs
 * off too; every other status is final.
 */
function sortFailure(route: string, failure: Failure): Attempt {
  const { status, headers } = failure;
  const limited =
    status === 429 ||
    (status === 403 &&
      (headers["retry-after"] !== undefined ||
        headers["x-ratelimit-remaining"] === "0" ||
        /rate limit/i.test(failure.message)));
  if (limited) return { kind: "retry", code: "ratelimited", waitMs: limitWait(headers) };
  if (status >= 500 || status === 408)
    return { kind: "retry", code: `http_${status}`, waitMs: undefined };
  return {
    kind: "fatal",
    error: new GitHubApiError(
      `http_${status}`,
      route,
      `GitHub ${route} answered HTTP ${status} (${failure.message}); fix: ${fixFor(status)}`,
      { status, cause: failure.cause },
    ),
  };
}

/** How long GitHub asked to wait: `Retry-After` seconds, else until `x-ratelimit-reset`. */
function limitWait(headers: Readonly<Record<string, string>>): number {
  const retryAfter = Number(headers["retry-after"]);
  if (headers["retry-after"] !== undefined && Number.isFinite(retryAfter))
    return Math.max(0, retryAfter) * 1000;
  const reset = Number(headers["x-ratelimit-reset"]);
  if (headers["x-ratelimit-reset"] !== undefined && Number.isFinite(reset))
    return Math.max(0, reset * 1000 - Date.now());
  return UNSPECIFIED_LIMIT_WAIT_MS;
}

/** The fix for a final status, said to whoever writes the workflow. */
function fixFor(status: number): string {
  if (status === 401) return "check the `github-token` input (the token was refused)";
  if (status === 403)
    return "give the workflow the permission this needs (`issues: write` for comment approvals, `members: read` on an organisation token for team approvers)";
  if (status === 404)
    return "check the repository, the `issue-number` and that the token can see them";
  if (status === 410) return "the issue is gone or issues are turned off in this repository";
  if (status === 422) return "GitHub refused the content; see the message";
  return "see https://docs.github.com/rest for this status";
}

/** Headers with lower-case names and string values (Octokit gives numbers for some). */
function lowerCaseHeaders(headers: unknown): Readonly<Record<string, string>> {
  if (typeof headers !== "object" || headers === null) return {};
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string" || typeof value === "number")
      result[name.toLowerCase()] = String(value);
  }
  return result;
}

/** The call cannot succeed before its deadline: the last failure, or simply no time left. */
function outOfTime(route: string, lastCode: string): GitHubApiError {
  if (lastCode === "deadline")
    return new GitHubApiError("deadline", route, `no time left to call GitHub ${route}`);
  const why =
    lastCode === "ratelimited"
      ? "GitHub rate-limited it past the time allowed (the token's requests are shared by every workflow of the repository)"
      : `it kept failing (${lastCode}) until the time allowed ran out`;
  return new GitHubApiError(
    lastCode,
    route,
    `GitHub ${route} did not succeed: ${why}; fix: retry later, or check that GITHUB_API_URL is reachable from the runner`,
  );
}
