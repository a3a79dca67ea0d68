import { showHiddenChars } from "../../core/hidden-chars.js";

/** How a carriage return is shown. */
export type CarriageReturns =
  /** As `<CR>`: for scripts, where a CR could hide text that still runs. */
  | "visible"
  /** CRLF → LF, a lone CR → LF: for command output, so progress bars cannot rewrite lines. */
  | "newline";

const LINE_BREAKS = /\r\n|[\r\n\t]/g;

/**
 * Makes text safe to print as data (safety invariant 8): nothing in it can move the cursor,
 * recolour, clear or reorder the display, and nothing is hidden. Each such character is shown
 * by name (see {@link showHiddenChars}); tabs and newlines stay.
 */
export function escapeControlChars(text: string, carriageReturns: CarriageReturns): string {
  // `includes` is a fast scan; most output has no CR and skips the replace (bench/run).
  const lines =
    carriageReturns === "newline" && text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  return showHiddenChars(lines);
}

/**
 * Text made safe to print on one line of a terminal: line breaks and tabs become spaces, every
 * other hidden character is shown by name. A runbook cannot change the display.
 */
export function escapeLine(text: string): string {
  return showHiddenChars(text.replace(LINE_BREAKS, " "));
}
