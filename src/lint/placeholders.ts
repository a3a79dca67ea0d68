import type { ShellPosition } from "../shell/types.js";

/** An unfilled placeholder found in a script, at its 1-based position in the script. */
export interface Placeholder extends ShellPosition {
  readonly text: string;
}

/** `{{ .Field }}` and `{{ range … }}` are Go templates (`kubectl -o go-template`, `docker --format`), not placeholders. */
const GO_TEMPLATE_WORDS = new Set([
  "end",
  "else",
  "range",
  "if",
  "with",
  "define",
  "block",
  "template",
  "json",
  "index",
  "len",
  "printf",
  "print",
  "println",
  "not",
  "and",
  "or",
  "eq",
  "ne",
]);
/** Lower-case HTML tags that heredocs write; `<html>` is content, `<host>` is a placeholder. */
const HTML_TAGS = new Set([
  "html",
  "head",
  "body",
  "title",
  "div",
  "span",
  "p",
  "a",
  "b",
  "i",
  "br",
  "hr",
  "pre",
  "code",
  "table",
  "tr",
  "td",
  "th",
  "ul",
  "ol",
  "li",
  "script",
  "style",
  "meta",
  "link",
  "h1",
  "h2",
  "h3",
  "form",
  "input",
  "button",
  "xml",
  "em",
  "strong",
]);

const PATTERNS: readonly RegExp[] = [
  /<[A-Za-z][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*>/g,
  /\b(?:YOUR|your|Your)[-_][A-Za-z0-9][A-Za-z0-9_-]*/g,
  /\b(?:CHANGE[-_]?ME|change[-_]?me|REPLACE[-_]?ME|replace[-_]?me)\b/g,
  /\{\{\s*[A-Za-z_][\w-]*\s*\}\}/g,
];

function isPlaceholder(text: string): boolean {
  if (text.startsWith("<")) return !HTML_TAGS.has(text.slice(1, -1));
  if (text.startsWith("{{")) return !GO_TEMPLATE_WORDS.has(text.slice(2, -2).trim());
  return true;
}

/**
 * Unfilled placeholders (`<HOST>`, `YOUR_TOKEN`, `CHANGEME`, `{{ name }}`) in a script,
 * leaving out comment lines, which talk about placeholders rather than use them.
 */
export function findPlaceholders(script: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const [row, line] of script.split("\n").entries()) {
    if (/^\s*#/.test(line)) continue;
    const onLine: Placeholder[] = [];
    for (const pattern of PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        if (!isPlaceholder(match[0])) continue;
        onLine.push({ text: match[0], line: row + 1, column: match.index + 1 });
      }
    }
    // `<your-host>` matches two patterns; report it once, as the outer match.
    let end = 0;
    for (const match of onLine.sort(
      (a, b) => a.column - b.column || b.text.length - a.text.length,
    )) {
      if (match.column <= end) continue;
      found.push(match);
      end = match.column + match.text.length - 1;
    }
  }
  return found;
}
