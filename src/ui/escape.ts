/**
 * Characters that can change what a terminal shows without being seen: C0 controls (except
 * tab and newline), DEL, C1 controls (U+009B is a one-byte CSI), bidirectional overrides and
 * isolates ("Trojan Source"), zero-width and other invisible characters (soft hyphen, Hangul
 * fillers, Unicode tags used to smuggle hidden ASCII), line/paragraph separators and the BOM.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- each character on its own
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

const NAMED: Readonly<Record<string, string>> = {
  "\u001b": "<ESC>",
  "\r": "<CR>",
  "\u0000": "<NUL>",
};

/** How a carriage return is shown. */
export type CarriageReturns =
  /** As `<CR>`: for scripts, where a CR could hide text that still runs. */
  | "visible"
  /** CRLF → LF, a lone CR → LF: for command output, so progress bars cannot rewrite lines. */
  | "newline";

/**
 * Makes text safe to print as data (safety invariant 8): nothing in it can move the cursor,
 * recolour, clear or reorder the display, and nothing is hidden. Each such character is shown
 * as `<ESC>`, `<CR>`, `<NUL>` or `<U+XXXX>`; tabs and newlines stay.
 */
export function escapeControlChars(text: string, carriageReturns: CarriageReturns): string {
  const lines = carriageReturns === "newline" ? text.replace(/\r\n?/g, "\n") : text;
  return lines.replace(HIDDEN, (char) => NAMED[char] ?? codePointName(char));
}

function codePointName(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `<U+${hex}>`;
}
