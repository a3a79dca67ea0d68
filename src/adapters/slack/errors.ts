import { ErrorCode, type SlackError } from "@slack/web-api";
import { SlackApiError } from "../../gate/slack-api.js";
import { MalformedAnswer, parseFailure } from "./payloads.js";

/** What to do after a failed attempt: wait and try again, or give up with a clear error. */
export type AttemptFailure =
  | { readonly kind: "retry"; readonly code: string; readonly waitMs: number | undefined }
  | { readonly kind: "fatal"; readonly error: SlackApiError };

/** Platform errors that say "try again later" rather than "fix something". */
const TRANSIENT_PLATFORM_ERRORS: ReadonlySet<string> = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
]);

const AUTH_ERRORS: ReadonlySet<string> = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
]);

/** The fix for a platform error, said to the person who can apply it. */
export function fixFor(error: string, needed: string | undefined, channel?: string): string {
  const where = channel === undefined ? "the channel" : channel;
  if (error === "not_in_channel")
    return `invite the bot to ${where} (\`/invite @<your app>\` in the channel)`;
  if (error === "channel_not_found")
    return `check \`slack_channel\` (${where}); a private channel must have the bot invited and is best given by its ID`;
  if (AUTH_ERRORS.has(error))
    return "set SLACK_BOT_TOKEN to the bot token (`xoxb-…`) of an app installed in the workspace";
  if (error === "missing_scope")
    return `add the scope \`${needed ?? "named in the error"}\` to the app (see docs/slack-app-manifest.yml) and reinstall it`;
  if (error === "is_archived") return `unarchive ${where} or choose another \`slack_channel\``;
  if (error === "no_such_subteam" || error === "subteam_not_found")
    return "check the IDs in `slack_approver_groups` (user-group IDs start with S)";
  if (error === "user_not_found") return "check the user IDs in `slack_approvers`";
  return "see https://api.slack.com/methods for the meaning of this error";
}

function slackCode(error: unknown): ErrorCode | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return Object.values(ErrorCode).find((known) => known === code);
}

/**
 * Sorts a failed attempt of `method`: 429 (with its `Retry-After`), 5xx, network errors and
 * Slack's own "try later" errors are retried; every other platform error, a 4xx and a malformed
 * answer are final, with the fix in the message.
 */
export function classifyFailure(method: string, error: unknown, channel?: string): AttemptFailure {
  if (error instanceof MalformedAnswer) {
    return {
      kind: "fatal",
      error: new SlackApiError("malformed", method, `${error.message}`, { cause: error }),
    };
  }
  const fields = error as SlackError & {
    retryAfter?: unknown;
    statusCode?: unknown;
    data?: unknown;
  };
  switch (slackCode(error)) {
    case ErrorCode.RateLimitedError: {
      const seconds = typeof fields.retryAfter === "number" ? fields.retryAfter : 1;
      return { kind: "retry", code: "ratelimited", waitMs: Math.max(0, seconds) * 1000 };
    }
    case ErrorCode.HTTPError: {
      const status = typeof fields.statusCode === "number" ? fields.statusCode : 0;
      if (status >= 500 || status === 408)
        return { kind: "retry", code: `http_${status}`, waitMs: undefined };
      return {
        kind: "fatal",
        error: new SlackApiError(
          `http_${status}`,
          method,
          `Slack ${method} answered HTTP ${status}; fix: check \`slack_api_url\` / SLACK_API_URL`,
          { cause: error },
        ),
      };
    }
    case ErrorCode.RequestError:
      return { kind: "retry", code: "network", waitMs: undefined };
    case ErrorCode.PlatformError: {
      const { error: code, needed } = parseFailure(fields.data);
      if (TRANSIENT_PLATFORM_ERRORS.has(code)) return { kind: "retry", code, waitMs: undefined };
      return {
        kind: "fatal",
        error: new SlackApiError(
          code,
          method,
          `Slack ${method} failed: ${code}; fix: ${fixFor(code, needed, channel)}`,
          { cause: error },
        ),
      };
    }
    default:
      return { kind: "retry", code: "network", waitMs: undefined };
  }
}
