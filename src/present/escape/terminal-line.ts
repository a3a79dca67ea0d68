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
 * JSON text with the characters `JSON.stringify` leaves raw but a terminal may act on (DEL,
 * C1 controls, bidi overrides) written as `\uXXXX` escapes; the JSON value is unchanged.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Shortens to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
