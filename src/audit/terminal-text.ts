/* eslint-disable no-control-regex -- matching control characters is this module's job */
// ANSI escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), and two-byte escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
// C0 and C1 controls, DEL, and the bidirectional overrides that make text read differently
// from what it is ("trojan source").
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Log text made safe to print on one line of a terminal: escape sequences removed, line breaks
 * and tabs shown as spaces, every other control character shown as U+FFFD.
 */
export function terminalLine(text: string): string {
  return text
    .replace(ANSI, "")
    .replace(/[\r\n\t]+/g, " ")
    .replace(CONTROL, "\uFFFD");
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
