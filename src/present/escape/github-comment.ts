import { showHiddenChars } from "../../core/hidden-chars.js";
import { escapeMarkdown, escapeMessage, escapeTableCell, truncate } from "./markdown.js";

/**
 * Escaping for issue and pull-request comments (safety invariant 8). A comment is Markdown with
 * raw HTML like the job summary ({@link escapeMarkdown} makes every special character an entity),
 * and it also notifies: GitHub finds `@user`, `@org/team` and `#123` in the rendered text, after
 * entities are decoded, so an entity alone does not stop a ping. A zero-width space after every
 * `@` and `#` does, and reads the same.
 */

const AT = "&#64;";
const HASH = "&#35;";
const ZERO_WIDTH_SPACE = "&#8203;";

function unlinked(escaped: string): string {
  return escaped
    .replaceAll(AT, `${AT}${ZERO_WIDTH_SPACE}`)
    .replaceAll(HASH, `${HASH}${ZERO_WIDTH_SPACE}`);
}

/** Untrusted text as inert inline comment content; line breaks become spaces. */
export function escapeCommentText(text: string): string {
  return unlinked(escapeMarkdown(text));
}

/** Untrusted text for a table cell of a comment (line breaks kept as `<br>`). */
export function escapeCommentCell(text: string): string {
  return unlinked(escapeTableCell(text));
}

/** One of the tool's own messages (code spans become `<code>`); the text it quotes stays inert. */
export function escapeCommentMessage(text: string): string {
  return unlinked(escapeMessage(text));
}

/**
 * Untrusted text (command output, a script) as a fenced code block that only its own fences
 * close: the fence is one backtick longer than the longest run of backticks inside. Inside a
 * code block GitHub renders no HTML and finds no mentions; hidden characters are shown by name.
 */
export function commentCodeBlock(text: string, maxLength: number): string {
  const body = truncate(showHiddenChars(text.replace(/\r\n?/g, "\n")), maxLength).replace(
    /\n+$/,
    "",
  );
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}`;
}
