import { showHiddenChars } from "../../core/hidden-chars.js";

/**
 * Escaping for runbook text shown in the job summary (safety invariant 8). The summary renders
 * Markdown and raw HTML without escaping anything, and a runbook comes from a pull request, so
 * every character that Markdown, HTML or Mermaid gives a meaning to is written as an entity.
 */

// Characters with a meaning in CommonMark, GFM (tables, autolinks, strikethrough, mentions),
// GitHub math (`$`), emoji shortcodes (`:`), or HTML.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~@:$"'=^]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

function numericEntity(char: string): string {
  return `&#${char.codePointAt(0) ?? 0};`;
}

/** Runbook text as inert Markdown inline content; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return showHiddenChars(text.replace(LINE_BREAK, " ")).replace(MARKDOWN_SPECIAL, numericEntity);
}

/** Runbook text for a Markdown table cell: as {@link escapeMarkdown}, line breaks kept as `<br>`. */
export function escapeTableCell(text: string): string {
  return escapeLines(text.trim());
}

function escapeLines(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => showHiddenChars(line).replace(MARKDOWN_SPECIAL, numericEntity))
    .join("<br>");
}

const CODE_SPAN = /`([^`\n]+)`/g;

/**
 * One of the tool's own messages (a finding, a reason, an error) for a table cell: its code
 * spans become `<code>` elements and everything, inside them and out, is escaped as
 * {@link escapeTableCell}. The message's Markdown survives (`paths` renders as code, not as
 * `&#96;paths&#96;`) while the runbook text it quotes stays inert: the only markup in the
 * result is the `<code>` tags written here.
 */
export function escapeMessage(text: string): string {
  const trimmed = text.trim();
  let out = "";
  let last = 0;
  for (const match of trimmed.matchAll(CODE_SPAN)) {
    out += escapeLines(trimmed.slice(last, match.index));
    out += `<code>${escapeLines(match[1] ?? "")}</code>`;
    last = match.index + match[0].length;
  }
  return out + escapeLines(trimmed.slice(last));
}

// Mermaid decodes `#NNN;` entity codes itself and shows them as text, so everything except
// letters, digits and spaces is encoded: quotes and brackets cannot close the node label, and
// backticks cannot end the surrounding code fence.
const MERMAID_SPECIAL = /[^\p{L}\p{N} ]/gu;

/** Runbook text for a quoted Mermaid node label (`id["…"]`), line breaks become spaces. */
export function escapeMermaidLabel(text: string): string {
  return text
    .replace(LINE_BREAK, " ")
    .replace(MERMAID_SPECIAL, (char) => `#${char.codePointAt(0) ?? 0};`);
}

/**
 * Cut `text` to at most `max` UTF-16 code units (the runner's measure), ending with `…` when cut
 * and never splitting a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
