import { showHiddenChars } from "../../core/hidden-chars.js";
import { escapeMarkdown, escapeMessage, escapeTableCell } from "./markdown.js";

/**
 * Escaping for untrusted text in GitHub issue comments (safety invariant 8). On top of the job
 * summary's escaping (every Markdown and HTML character an entity), GitHub turns `@login`,
 * `#123` and `GH-123` in a comment's text into mentions and cross-references that notify people
 * and mark other issues, even when written as entities; a zero-width space after `@`, `#` and
 * `GH` keeps the text readable and inert.
 */
function breakReferences(escaped: string): string {
  return escaped
    .replace(/&#64;|&#35;/g, (entity) => `${entity}&#8203;`)
    .replace(/GH&#45;/gi, (match) => `${match.slice(0, 2)}&#8203;&#45;`);
}

/** Runbook text as inert comment text on one line. */
export function escapeCommentText(text: string): string {
  return breakReferences(escapeMarkdown(text));
}

/** Runbook text for a table cell of a comment (line breaks kept as `<br>`). */
export function escapeCommentCell(text: string): string {
  return breakReferences(escapeTableCell(text));
}

/** One of the tool's messages quoting runbook text: its code spans kept, the rest inert. */
export function escapeCommentMessage(text: string): string {
  return breakReferences(escapeMessage(text));
}

const SAFE_INFO = /^[A-Za-z0-9_+.-]{1,30}$/;

/**
 * `text` as a fenced code block that nothing inside can close: the fence is longer than any run
 * of backticks in the text. Inside it GitHub renders no HTML, no Markdown and no mentions;
 * invisible characters are shown by name. `language` is kept only when it is a plain word.
 */
export function commentCodeBlock(text: string, language = ""): string {
  const shown = showHiddenChars(text.replace(/\r\n?/g, "\n"));
  const longest = Math.max(0, ...[...shown.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const info = SAFE_INFO.test(language) ? language : "";
  return `${fence}${info}\n${shown}\n${fence}`;
}

const PLAIN_URL = /^https?:\/\/[^\s()<>[\]"'`]+$/;

/** A link to `url` labelled `label` (already escaped); the label alone when `url` is odd. */
export function commentLink(label: string, url: string): string {
  return PLAIN_URL.test(url) ? `[${label}](${url})` : label;
}
