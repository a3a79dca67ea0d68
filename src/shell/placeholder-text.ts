import type { ShellPosition } from "./types.js";

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

/**
 * Marks of output left out of a pasted session (`<snip>`, `<output omitted>`): text for the
 * reader, not a value anyone could bind. The fence they stand in is a session, which the
 * prompt rules report.
 */
const ELISION =
  /^(?:snip(?:ped)?(?: snip)?|cut|trimmed|truncated|elided|omitted|(?:output|rest|more)(?: (?:of )?output)? (?:omitted|truncated|elided|trimmed|cut))$/i;

const PATTERNS: readonly RegExp[] = [
  /<[A-Za-z][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*>/g,
  /\$\{\{\s*[A-Za-z_][\w-]*\s*\}\}/g,
  /\b(?:YOUR|your|Your)[-_][A-Za-z0-9][A-Za-z0-9_-]*/g,
  /\b(?:CHANGE[-_]?ME|change[-_]?me|REPLACE[-_]?ME|replace[-_]?me)\b/g,
  /\{\{\s*[A-Za-z_][\w-]*\s*\}\}/g,
];

function isPlaceholder(text: string, script: string): boolean {
  if (text.startsWith("<")) {
    const tag = text.slice(1, -1);
    if (ELISION.test(tag)) return false;
    // `<name>…</name>` is markup a heredoc writes (XML, HTML), not a value to fill in.
    return !HTML_TAGS.has(tag) && !script.includes(`</${tag}>`);
  }
  if (text.startsWith("{{") || text.startsWith("${{"))
    return !GO_TEMPLATE_WORDS.has(delimitedName(text));
  return true;
}

/** The name between a placeholder's delimiters: `<CR-NAME>` → `CR-NAME`, `${{ x }}` → `x`. */
function delimitedName(text: string): string {
  if (text.startsWith("<")) return text.slice(1, -1);
  if (text.startsWith("${{")) return text.slice(3, -2).trim();
  if (text.startsWith("{{")) return text.slice(2, -2).trim();
  return text;
}

/**
 * The parameter a placeholder stands for: its name in upper case with every run of other
 * characters as one `_` (`<CR-NAME>` → `CR_NAME`, `<multi word name>` → `MULTI_WORD_NAME`,
 * `{{ cluster }}` → `CLUSTER`, `your-region` → `YOUR_REGION`).
 */
export function placeholderParameterName(text: string): string {
  return delimitedName(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Unfilled placeholders (`<HOST>`, `YOUR_TOKEN`, `CHANGEME`, `{{ name }}`, `${{ name }}`) in a
 * script, leaving out comment lines, which talk about placeholders rather than use them.
 */
export function findPlaceholders(script: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const [row, line] of script.split("\n").entries()) {
    if (/^\s*#/.test(line)) continue;
    const onLine: Placeholder[] = [];
    for (const pattern of PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        if (!isPlaceholder(match[0], script)) continue;
        onLine.push({ text: match[0], line: row + 1, column: match.index + 1 });
      }
    }
    // `<your-host>` and `${{ x }}` match two patterns; report each once, as the outer match.
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
