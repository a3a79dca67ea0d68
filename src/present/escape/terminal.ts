import { HIDDEN_CHARS, showHiddenChars } from "../../core/hidden-chars.js";

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

/**
 * JSON text with every hidden character (see {@link HIDDEN_CHARS}) that `JSON.stringify` leaves
 * raw (DEL, C1 controls, bidi overrides, zero-width characters, Unicode tags, the BOM …)
 * written as `\uXXXX` escapes, one per UTF-16 unit; the JSON value is unchanged.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(HIDDEN_CHARS, (char) =>
    Array.from({ length: char.length }, (_unit, index) => {
      const code = char.charCodeAt(index).toString(16).padStart(4, "0");
      return `\\u${code}`;
    }).join(""),
  );
}

/** Shortens to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
