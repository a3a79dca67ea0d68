import { HIDDEN_CHARS } from "../core/hidden-chars.js";

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
  // `includes` is a fast scan; most output has no CR and skips the replace (bench/run).
  const lines =
    carriageReturns === "newline" && text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  return lines.replace(HIDDEN_CHARS, (char) => NAMED[char] ?? codePointName(char));
}

function codePointName(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `<U+${hex}>`;
}
