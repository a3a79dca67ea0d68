import { HIDDEN_CHARS } from "../../core/hidden-chars.js";

/* eslint-disable no-control-regex -- matching control characters is this module's job */
// ANSI escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and two-byte escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
/* eslint-enable no-control-regex */

/**
 * Log text made safe to print on one line of a terminal: escape sequences removed (command
 * output is full of colour codes), line breaks and tabs shown as spaces, every other hidden
 * character (see {@link HIDDEN_CHARS}) shown as U+FFFD.
 */
export function terminalLine(text: string): string {
  return text
    .replace(ANSI, "")
    .replace(/[\r\n\t]+/g, " ")
    .replace(HIDDEN_CHARS, "\uFFFD");
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
