import { escapeControlChars } from "../escape/terminal.js";

/**
 * The one escaping module for Slack mrkdwn (safety invariant 8). Every untrusted string (runbook
 * text, scripts, reasons, command output, user names) goes through here before it reaches a
 * message, so `<!channel>`, `<@U…>` and `<https://evil|spoofed>` arrive as text, never as pings
 * or links, and a script cannot end its code block.
 */

/** Slack's limit on a section block's text. */
export const SECTION_LIMIT = 3000;

/** Zero-width space: splits a run of backticks so it cannot close a code block. */
const BACKTICK_BREAK = "\u200b";

/**
 * Untrusted text as mrkdwn: control and invisible characters shown as `<ESC>`, `<U+202E>`…,
 * then `&`, `<` and `>` as entities (the three characters Slack requires escaped).
 */
export function escapeMrkdwn(text: string): string {
  return escapeControlChars(text, "visible")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/**
 * Untrusted text on one line (newlines as spaces), escaped; adjacent backticks are split as in
 * {@link codeBlock}, so a step's text cannot open a code block over the rest of the message.
 */
export function escapeInline(text: string): string {
  return splitBackticks(escapeMrkdwn(text.replace(/\r?\n/g, " ")));
}

function splitBackticks(text: string): string {
  return text.replace(/`(?=`)/g, `\`${BACKTICK_BREAK}`);
}

/**
 * A code block whose body is exactly `code`, escaped. Adjacent backticks get a zero-width space
 * between them, so no three can meet and close the block early; `broken` says it happened.
 */
export function codeBlock(code: string): { readonly text: string; readonly broken: boolean } {
  const escaped = escapeMrkdwn(code.replace(/\n$/, ""));
  const body = splitBackticks(escaped);
  return { text: `\`\`\`\n${body}\n\`\`\``, broken: body !== escaped };
}

/** Where text was cut to fit a block: characters kept and in all. */
export interface Cut {
  readonly kept: number;
  readonly total: number;
}

/**
 * The longest prefix of `raw` whose rendering (`render(prefix)`) fits in `limit` characters; the
 * cut is made in the raw text, so an entity or an escape is never split.
 */
export function fitRendered(
  raw: string,
  render: (prefix: string) => string,
  limit: number,
): { readonly text: string; readonly cut: Cut | undefined } {
  const whole = render(raw);
  if (whole.length <= limit) return { text: whole, cut: undefined };
  let low = 0;
  let high = raw.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(raw.slice(0, mid)).length <= limit) low = mid;
    else high = mid - 1;
  }
  // Never end between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(raw.charAt(low - 1)) ? low - 1 : low;
  return { text: render(raw.slice(0, end)), cut: { kept: end, total: raw.length } };
}

/** A mention of a Slack user by ID; anything that is not an ID is shown as escaped text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeInline(userId);
}
